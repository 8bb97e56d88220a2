package kr.gyeol.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.gyeol.partner.jdbc.AuthSessionRepository;
import kr.gyeol.partner.jdbc.AuthSessionRepository.SessionRow;
import kr.gyeol.partner.jdbc.PartnerRepository;
import kr.gyeol.shared.LogContext;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Partner authentication and the AuthKey sessions it issues (spec §1.2, §4.1). Later
 * calls may present the session's tokens or the raw partner id and secret (spec §1.2 "또는
 * 인코딩된").
 */
@Service
public class PartnerAuthentication {

    private final PartnerRepository partners;

    private final AuthSessionRepository sessions;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PartnerAuthentication.class);

    private final Clock clock;

    private final Duration sessionLifetime;

    PartnerAuthentication(PartnerRepository partners, AuthSessionRepository sessions, Clock clock,
            @Value("${gyeol.auth.session-lifetime:30m}") Duration sessionLifetime) {
        this.partners = partners;
        this.sessions = sessions;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    /** auth.php: checks the partner and issues a session for one operation. */
    public IssuedSession authenticate(String partnerId, String secret, String refererHost, Operation operation) {
        if (partnerId == null) {
            throw new PartnerAuthenticationFailed(PartnerAuthenticationFailed.Reason.MISSING_PARTNER_ID);
        }
        if (secret == null) {
            throw new PartnerAuthenticationFailed(PartnerAuthenticationFailed.Reason.MISSING_SECRET);
        }
        Partner partner = partners.find(partnerId)
            .orElseThrow(() -> new PartnerAuthenticationFailed(PartnerAuthenticationFailed.Reason.UNKNOWN_PARTNER));
        if (!partner.acceptsSecret(secret)) {
            throw new PartnerAuthenticationFailed(PartnerAuthenticationFailed.Reason.WRONG_SECRET);
        }
        if (!partner.allowsHost(refererHost)) {
            throw new PartnerAuthenticationFailed(PartnerAuthenticationFailed.Reason.DOMAIN_NOT_REGISTERED);
        }
        return issue(partner.id(), operation, refererHost, null);
    }

    /**
     * Whether {@code host} is one of the partner's registered domains or a sub-domain of
     * one.
     */
    public boolean isRegisteredDomain(PartnerId partnerId, String host) {
        return partners.find(partnerId.value()).map(partner -> partner.isRegisteredDomain(host)).orElse(false);
    }

    /** Whether the partner is in test mode. */
    public boolean isTestMode(String partnerId) {
        return partners.find(partnerId).map(partner -> partner.mode() == PartnerMode.TEST).orElse(false);
    }

    /** Whether {@code secret} is the partner's key, for Gyeol's own admin API. */
    public boolean credentialsMatch(String partnerId, String secret) {
        return partnerId != null && secret != null
                && partners.find(partnerId).map(partner -> partner.acceptsSecret(secret)).orElse(false);
    }

    /**
     * The partner of a valid {@code Basic cst_id:custKey} header (Gyeol's JSON APIs), or
     * empty.
     */
    public Optional<PartnerId> partnerOfBasic(String authorization) {
        String[] pair = basicPair(authorization);
        if (pair == null || !credentialsMatch(pair[0], pair[1])) {
            return Optional.empty();
        }
        PartnerId partner = PartnerId.of(pair[0]);
        LogContext.partner(partner);
        return Optional.of(partner);
    }

    /** The partner id a {@code Basic} header claims, right or wrong, or null. */
    public static String claimedPartnerOfBasic(String authorization) {
        String[] pair = basicPair(authorization);
        return pair == null ? null : pair[0];
    }

    private static String[] basicPair(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || decoded.indexOf('\0') >= 0) {
            return null;
        }
        return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
    }

    /**
     * The partner an operation call's envelope speaks for, read without using its AuthKey
     * up (used or not): for scoping what the call is, before it is authorized. Empty when
     * the envelope does not hold.
     */
    public Optional<PartnerId> partnerOfCall(CallCredentials credentials) {
        if (credentials.authKey() == null || credentials.partnerId() == null || credentials.secret() == null) {
            return Optional.empty();
        }
        return sessions.find(Tokens.sha256(credentials.authKey()), clock.instant())
            .filter(session -> credentials.partnerId().equals(session.partnerToken())
                    || credentials.partnerId().equals(session.partnerId().value()))
            .filter(session -> Tokens.equalSecrets(credentials.secret(), session.secretToken())
                    || Partner.acceptsSecret(session.secretHash(), session.previousSecretHash(), credentials.secret()))
            .map(SessionRow::partnerId);
    }

    /**
     * The v1 SDK's browser-side authentication by public client key: only a page on one
     * of the partner's registered domains may use it, except for a lenient test partner.
     */
    public IssuedSession authenticateClientKey(String clientKey, String pageHost) {
        if (clientKey == null) {
            throw new PartnerAuthenticationFailed(PartnerAuthenticationFailed.Reason.MISSING_PARTNER_ID);
        }
        Partner partner = this.partners.findByClientKey(clientKey)
            .orElseThrow(() -> new PartnerAuthenticationFailed(PartnerAuthenticationFailed.Reason.UNKNOWN_PARTNER));
        boolean lenientTest = partner.mode() == PartnerMode.TEST && partner.refererCheck() == RefererCheck.LENIENT;
        if (!lenientTest && !partner.isRegisteredDomain(pageHost)) {
            throw new PartnerAuthenticationFailed(PartnerAuthenticationFailed.Reason.DOMAIN_NOT_REGISTERED);
        }
        return issue(partner.id(), Operation.PAYMENT_WINDOW, pageHost, null);
    }

    /**
     * Issues a session without a fresh auth.php call, for the second step of a flow the
     * partner already authenticated, such as the ARS confirmation of an account
     * registration.
     */
    public IssuedSession issueFollowUp(AuthorizedCall call, String refererHost, Operation operation, String context) {
        return issueFollowUp(call.partnerId(), refererHost, operation, context);
    }

    /** The same, for a partner identified by an earlier, already consumed session. */
    public IssuedSession issueFollowUp(PartnerId partnerId, String refererHost, Operation operation, String context) {
        return issue(partnerId, operation, refererHost, context);
    }

    private IssuedSession issue(PartnerId partnerId, Operation operation, String refererHost, String context) {
        LogContext.partner(partnerId);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(sessionLifetime);
        String authKey = Tokens.base64(48);
        String partnerToken = Tokens.base64(24);
        String secretToken = Tokens.base64(24);
        sessions.insert(Tokens.sha256(authKey), partnerId, operation.name(), partnerToken, secretToken, refererHost,
                operation.singleUse(), context, now, expiresAt);
        return new IssuedSession(partnerId, partnerToken, secretToken, authKey, expiresAt);
    }

    /**
     * Checks an operation call's envelope and, for single-use operations, consumes the
     * key atomically.
     * @throws CallNotAuthorized when the key or credentials do not hold
     */
    public AuthorizedCall authorize(CallCredentials credentials, Operation operation) {
        if (credentials.authKey() == null) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.SESSION_EXPIRED);
        }
        byte[] keyHash = Tokens.sha256(credentials.authKey());
        Instant now = clock.instant();
        if (operation.singleUse() && credentials.partnerId() != null && credentials.secret() != null) {
            Optional<SessionRow> consumed = sessions.consumeWithTokens(keyHash, operation.name(),
                    credentials.partnerId(), credentials.secret(), now);
            if (consumed.isPresent()) {
                return checkDomain(consumed.get(), credentials);
            }
        }
        SessionRow session = sessions.find(keyHash, now)
            .filter(row -> row.expiresAt().isAfter(now))
            .filter(row -> !row.singleUse() || row.usedAt() == null)
            .orElseThrow(() -> new CallNotAuthorized(CallNotAuthorized.Reason.SESSION_EXPIRED));
        if (!session.operation().equals(operation.name())) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.WRONG_OPERATION);
        }
        String partnerId = credentials.partnerId();
        String secret = credentials.secret();
        // Payple's 1.0.1 samples of 2021-2023 open the window with PCD_AUTH_KEY and
        // PCD_PAY_URL only: the AuthKey, a secret auth.php handed the partner's server,
        // names the partner by itself. Given credentials must still be right.
        boolean keyAlone = operation == Operation.PAYMENT_WINDOW && partnerId == null && secret == null;
        if (!keyAlone && (partnerId == null
                || !(partnerId.equals(session.partnerToken()) || partnerId.equals(session.partnerId().value())))) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.WRONG_PARTNER_ID);
        }
        if (!keyAlone && (secret == null || !(Tokens.equalSecrets(secret, session.secretToken())
                || Partner.acceptsSecret(session.secretHash(), session.previousSecretHash(), secret)))) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.WRONG_SECRET);
        }
        if (session.singleUse() && !sessions.markUsed(keyHash, now)) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.SESSION_EXPIRED);
        }
        return checkDomain(session, credentials);
    }

    private AuthorizedCall checkDomain(SessionRow session, CallCredentials credentials) {
        Partner partner = new Partner(session.partnerId(), "", "", null, session.mode(), session.refererCheck(),
                session.domains());
        LogContext.partner(session.partnerId());
        if (!partner.allowsHost(credentials.refererHost())) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.DOMAIN_NOT_REGISTERED);
        }
        return new AuthorizedCall(session.partnerId(), session.mode(), session.context());
    }

    /** The partner's settings (its secrets only as hashes), as the console shows them. */
    public Optional<Partner> partner(PartnerId partnerId) {
        return partners.find(partnerId.value());
    }

    /**
     * A new partner key (custKey), returned once; the key it replaces is still accepted
     * for {@code overlap} (none when zero), so the partner can roll it out to its servers
     * without a refused call. The configuration's key is not written back at the next
     * start unless the configuration itself changes.
     */
    public Optional<String> rotateSecret(PartnerId partnerId, Duration overlap) {
        String secret = Tokens.urlSafe(24);
        Instant until = overlap.isPositive() ? clock.instant().plus(overlap) : null;
        if (!partners.rotateSecret(partnerId.value(), Tokens.hashSecret(secret), until)) {
            return Optional.empty();
        }
        log.info("The key of partner {} was rotated; the old one is accepted {}", partnerId,
                until == null ? "no more" : "until " + until);
        return Optional.of(secret);
    }

    /** Every partner (for an operator's choice in the console). */
    public List<Partner> partners() {
        return partners.all();
    }

    /** Checks a refund key against the partner's stored hash. */
    public boolean refundKeyMatches(PartnerId partnerId, String refundKey) {
        return partners.find(partnerId.value())
            .map(partner -> Tokens.matchesSecret(partner.refundKeyHash(), refundKey))
            .orElse(false);
    }

}
