package kr.gyeol.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.gyeol.partner.jdbc.AuthKeyUseRepository;
import kr.gyeol.partner.jdbc.AuthSessionRepository;
import kr.gyeol.partner.jdbc.AuthSessionRepository.SessionRow;
import kr.gyeol.partner.jdbc.PartnerRepository;
import kr.gyeol.shared.LogContext;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.SingleUse;
import kr.gyeol.shared.Tokens;
import org.springframework.stereotype.Service;

/**
 * Partner authentication and the AuthKey sessions it issues (spec §1.2, §4.1). Later
 * calls may present the session's tokens or the raw partner id and secret (spec §1.2 "또는
 * 인코딩된"). A session is its AuthKey alone ({@link AuthKeys}): issuing one writes nothing,
 * and a single-use key is spent by one insert of its nonce.
 */
@Service
public class PartnerAuthentication {

    private final PartnerRepository partners;

    private final AuthSessionRepository sessions;

    private final AuthKeys authKeys;

    private final AuthKeyUseRepository keyUses;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PartnerAuthentication.class);

    private final Clock clock;

    private final Duration sessionLifetime;

    /** Bearer tokens' operations start with this, which no {@link Operation} does. */
    private static final String BEARER = "bearer:";

    PartnerAuthentication(PartnerRepository partners, AuthSessionRepository sessions, AuthKeys authKeys,
            AuthKeyUseRepository keyUses, Clock clock, AuthProperties properties) {
        this.partners = partners;
        this.sessions = sessions;
        this.authKeys = authKeys;
        this.keyUses = keyUses;
        this.clock = clock;
        this.sessionLifetime = properties.sessionLifetime();
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
        return issue(partner.id(), operation, null);
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
        Optional<AuthKeys.Claims> claims = authKeys.read(credentials.authKey());
        if (claims.isPresent()) {
            return partners.find(claims.get().partnerId().value())
                .filter(partner -> holds(credentials, claims.get().partnerToken(), claims.get().secretToken(),
                        partner.id(), partner.secretHash(), partner.previousSecretHash()))
                .map(Partner::id);
        }
        return sessions.find(Tokens.sha256(credentials.authKey()), clock.instant())
            .filter(session -> holds(credentials, session.partnerToken(), session.secretToken(), session.partnerId(),
                    session.secretHash(), session.previousSecretHash()))
            .map(SessionRow::partnerId);
    }

    /**
     * Whether an envelope names the partner (by the session's stand-in or its id) and its
     * key (the session's stand-in, or the key or the one a rotation replaced).
     */
    private static boolean holds(CallCredentials credentials, String partnerToken, String secretToken,
            PartnerId partnerId, String secretHash, String previousSecretHash) {
        return namesPartner(credentials.partnerId(), partnerToken, partnerId)
                && namesSecret(credentials.secret(), secretToken, secretHash, previousSecretHash);
    }

    private static boolean namesPartner(String presented, String partnerToken, PartnerId partnerId) {
        return presented != null
                && (Tokens.equalSecrets(presented, partnerToken) || presented.equals(partnerId.value()));
    }

    private static boolean namesSecret(String presented, String secretToken, String secretHash,
            String previousSecretHash) {
        return presented != null && (Tokens.equalSecrets(presented, secretToken)
                || Partner.acceptsSecret(secretHash, previousSecretHash, presented));
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
        return issue(partner.id(), Operation.PAYMENT_WINDOW, null);
    }

    /**
     * Issues a session without a fresh auth.php call, for the second step of a flow the
     * partner already authenticated, such as the ARS confirmation of an account
     * registration.
     */
    public IssuedSession issueFollowUp(AuthorizedCall call, Operation operation, String context) {
        return issueFollowUp(call.partnerId(), operation, context);
    }

    /** The same, for a partner identified by an earlier, already consumed session. */
    public IssuedSession issueFollowUp(PartnerId partnerId, Operation operation, String context) {
        return issue(partnerId, operation, context);
    }

    /** A self-proving AuthKey (see {@link AuthKeys}): nothing is written. */
    private IssuedSession issue(PartnerId partnerId, Operation operation, String context) {
        LogContext.partner(partnerId);
        AuthKeys.Issued issued = authKeys.issue(partnerId, operation.name(), context,
                clock.instant().plus(sessionLifetime));
        AuthKeys.Claims claims = issued.claims();
        return new IssuedSession(partnerId, claims.partnerToken(), claims.secretToken(), issued.authKey(),
                claims.expiresAt());
    }

    /** What a bearer token of {@link #issueBearer} says. */
    public record Bearer(PartnerId partnerId, String context, Instant expiresAt) {
    }

    /**
     * A self-proving bearer token of {@code purpose} for the partner, valid for
     * {@code lifetime} and reusable until then (gpay's access token): sealed like an
     * AuthKey, so issuing it writes nothing and every node reads it.
     */
    public String issueBearer(PartnerId partnerId, String purpose, String context, Duration lifetime) {
        return authKeys.issue(partnerId, BEARER + purpose, context, clock.instant().plus(lifetime)).authKey();
    }

    /**
     * The partner and context of a bearer token issued for {@code purpose}, while it is
     * valid; empty for anything else.
     */
    public Optional<Bearer> readBearer(String token, String purpose) {
        Instant now = clock.instant();
        return authKeys.read(token)
            .filter(claims -> claims.operation().equals(BEARER + purpose) && claims.expiresAt().isAfter(now))
            .map(claims -> new Bearer(claims.partnerId(), claims.context(), claims.expiresAt()));
    }

    /**
     * Checks an operation call's envelope and, for single-use operations, spends the key
     * at once (one statement; of two racing calls with one key, one gets through).
     * @throws CallNotAuthorized when the key or credentials do not hold
     */
    public AuthorizedCall authorize(CallCredentials credentials, Operation operation) {
        AuthorizedCall call = authorizeDeferred(credentials, operation);
        if (!call.use().spend()) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.SESSION_EXPIRED);
        }
        return call.spent();
    }

    /**
     * Checks an operation call's envelope without spending a single-use key: the caller
     * spends {@link AuthorizedCall#use()} in the transaction of the work it authorizes (a
     * charge's PENDING payment), or on its own before answering any refusal, so every
     * answered call uses its key exactly as {@link #authorize} would. Reads the partner;
     * writes nothing.
     * @throws CallNotAuthorized when the key or credentials do not hold
     */
    public AuthorizedCall authorizeDeferred(CallCredentials credentials, Operation operation) {
        if (credentials.authKey() == null) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.SESSION_EXPIRED);
        }
        Optional<AuthKeys.Claims> read = authKeys.read(credentials.authKey());
        if (read.isEmpty()) {
            return authorizeSession(credentials, operation);
        }
        AuthKeys.Claims claims = read.get();
        if (!claims.expiresAt().isAfter(clock.instant())) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.SESSION_EXPIRED);
        }
        if (!claims.operation().equals(operation.name())) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.WRONG_OPERATION);
        }
        // A partner removed since the key was issued has no session left.
        Partner partner = partners.find(claims.partnerId().value())
            .orElseThrow(() -> new CallNotAuthorized(CallNotAuthorized.Reason.SESSION_EXPIRED));
        checkEnvelope(credentials, operation, claims.partnerToken(), claims.secretToken(), partner.id(),
                partner.secretHash(), partner.previousSecretHash());
        checkDomain(partner, credentials);
        SingleUse use = operation.singleUse() ? new NonceUse(keyUses, claims.nonce(), claims.expiresAt())
                : SingleUse.SPENT;
        return new AuthorizedCall(partner.id(), partner.mode(), claims.context(), use);
    }

    private static void checkEnvelope(CallCredentials credentials, Operation operation, String partnerToken,
            String secretToken, PartnerId partnerId, String secretHash, String previousSecretHash) {
        // Payple's 1.0.1 samples of 2021-2023 open the window with PCD_AUTH_KEY and
        // PCD_PAY_URL only: the AuthKey, a secret auth.php handed the partner's server,
        // names the partner by itself. Given credentials must still be right.
        boolean keyAlone = operation == Operation.PAYMENT_WINDOW && credentials.partnerId() == null
                && credentials.secret() == null;
        if (keyAlone) {
            return;
        }
        if (!namesPartner(credentials.partnerId(), partnerToken, partnerId)) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.WRONG_PARTNER_ID);
        }
        if (!namesSecret(credentials.secret(), secretToken, secretHash, previousSecretHash)) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.WRONG_SECRET);
        }
    }

    /**
     * A key issued before AuthKeys carried their own proof, still in
     * {@code auth_sessions} until it expires (a rolling upgrade): checked and, when
     * single-use, consumed there and then.
     */
    private AuthorizedCall authorizeSession(CallCredentials credentials, Operation operation) {
        byte[] keyHash = Tokens.sha256(credentials.authKey());
        Instant now = clock.instant();
        if (operation.singleUse() && credentials.partnerId() != null && credentials.secret() != null) {
            Optional<SessionRow> consumed = sessions.consumeWithTokens(keyHash, operation.name(),
                    credentials.partnerId(), credentials.secret(), now);
            if (consumed.isPresent()) {
                return sessionCall(consumed.get(), credentials);
            }
        }
        SessionRow session = sessions.find(keyHash, now)
            .filter(row -> row.expiresAt().isAfter(now))
            .filter(row -> !row.singleUse() || row.usedAt() == null)
            .orElseThrow(() -> new CallNotAuthorized(CallNotAuthorized.Reason.SESSION_EXPIRED));
        if (!session.operation().equals(operation.name())) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.WRONG_OPERATION);
        }
        checkEnvelope(credentials, operation, session.partnerToken(), session.secretToken(), session.partnerId(),
                session.secretHash(), session.previousSecretHash());
        if (session.singleUse() && !sessions.markUsed(keyHash, now)) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.SESSION_EXPIRED);
        }
        return sessionCall(session, credentials);
    }

    private static AuthorizedCall sessionCall(SessionRow session, CallCredentials credentials) {
        checkDomain(new Partner(session.partnerId(), "", "", null, session.mode(), session.refererCheck(),
                session.domains()), credentials);
        return new AuthorizedCall(session.partnerId(), session.mode(), session.context(), SingleUse.SPENT);
    }

    private static void checkDomain(Partner partner, CallCredentials credentials) {
        LogContext.partner(partner.id());
        if (!partner.allowsHost(credentials.refererHost())) {
            throw new CallNotAuthorized(CallNotAuthorized.Reason.DOMAIN_NOT_REGISTERED);
        }
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
