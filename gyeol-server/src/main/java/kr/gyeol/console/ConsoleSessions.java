package kr.gyeol.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kr.gyeol.console.jdbc.ConsoleSessionRepository;
import kr.gyeol.partner.CredentialFailures;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.PartnerProperties;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Console sign-in with the partner's own credentials ({@code cst_id} and key), or an
 * operator's name and password (BCrypt), under the same lockout as every other credential
 * check. A session is a random token whose hash is stored, so any node can serve it and a
 * database leak reveals none; it ends at sign-out or after
 * {@code gyeol.console.session-lifetime}. An operator's session acts for one partner at a
 * time, chosen after sign-in.
 */
@Component
public class ConsoleSessions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

    /** Why a sign-in was refused. */
    public enum Refusal {

        WRONG_CREDENTIALS, LOCKED_OUT

    }

    /** A new session and the token that opens it (the cookie's value). */
    public record Opened(String token, ConsoleSession session) {
    }

    /** A sign-in's outcome: a session, or why there is none. */
    public sealed interface SignIn {

        record Success(Opened opened) implements SignIn {
        }

        record Refused(Refusal reason) implements SignIn {
        }

    }

    private final ConsoleSessionRepository sessions;

    private final PartnerAuthentication authentication;

    private final CredentialFailures failures;

    private final Clock clock;

    private final Duration lifetime;

    private final Map<String, String> operators = new HashMap<>();

    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();

    ConsoleSessions(ConsoleSessionRepository sessions, PartnerAuthentication authentication,
            CredentialFailures failures, Clock clock, ConsoleProperties properties, PartnerProperties partners) {
        Set<String> partnerIds = new HashSet<>();
        partners.partners().forEach((partner) -> partnerIds.add(partner.id()));
        for (ConsoleProperties.Operator operator : properties.operators()) {
            if (operator.name() == null || operator.name().isBlank() || partnerIds.contains(operator.name())) {
                throw new IllegalStateException(
                        "Each gyeol.console.operators entry needs a name that is no partner's id");
            }
            String hash = operator.passwordHash() != null && !operator.passwordHash().isBlank()
                    ? operator.passwordHash() : encoded(operator);
            if (hash == null) {
                throw new IllegalStateException("Console operator " + operator.name()
                        + " needs a password (at most 72 bytes) or a password-hash (BCrypt)");
            }
            this.operators.put(operator.name(), hash);
        }
        this.sessions = sessions;
        this.authentication = authentication;
        this.failures = failures;
        this.clock = clock;
        this.lifetime = properties.sessionLifetime();
    }

    public SignIn signIn(String partnerId, String secret, String address) {
        if (partnerId == null || partnerId.isBlank() || secret == null || secret.isEmpty()) {
            return new SignIn.Refused(Refusal.WRONG_CREDENTIALS);
        }
        if (this.failures.lockedOut(partnerId, address)) {
            return new SignIn.Refused(Refusal.LOCKED_OUT);
        }
        String operatorHash = this.operators.get(partnerId);
        if (operatorHash != null) {
            if (!matches(secret, operatorHash)) {
                return refused(partnerId, address);
            }
            this.failures.succeeded(partnerId, address);
            log.info("Console sign-in of operator {}", partnerId);
            return new SignIn.Success(open(null, partnerId));
        }
        if (!this.authentication.credentialsMatch(partnerId, secret)) {
            return refused(partnerId, address);
        }
        this.failures.succeeded(partnerId, address);
        log.info("Console sign-in of partner {}", partnerId);
        return new SignIn.Success(open(PartnerId.of(partnerId), null));
    }

    private String encoded(ConsoleProperties.Operator operator) {
        if (operator.password() == null || operator.password().isEmpty()) {
            return null;
        }
        try {
            return this.passwords.encode(operator.password());
        }
        catch (IllegalArgumentException tooLong) {
            return null;
        }
    }

    /**
     * BCrypt refuses what it cannot hash (over 72 bytes): such a password matches none.
     */
    private boolean matches(String presented, String hash) {
        try {
            return this.passwords.matches(presented, hash);
        }
        catch (IllegalArgumentException unusable) {
            return false;
        }
    }

    private SignIn refused(String name, String address) {
        this.failures.failed(name, address);
        return new SignIn.Refused(
                this.failures.lockedOut(name, address) ? Refusal.LOCKED_OUT : Refusal.WRONG_CREDENTIALS);
    }

    private Opened open(PartnerId partnerId, String operator) {
        String token = Tokens.urlSafe(32);
        Instant now = this.clock.instant();
        ConsoleSession session = new ConsoleSession(partnerId, operator, Tokens.urlSafe(24), now.plus(this.lifetime));
        this.sessions.insert(Tokens.sha256(token), session, now);
        return new Opened(token, session);
    }

    /**
     * Makes an operator's session act for {@code partnerId}; false when the session is
     * not an operator's or there is no such partner.
     */
    public boolean actFor(String token, String partnerId) {
        if (token == null || partnerId == null || partnerId.isBlank()
                || this.authentication.partner(PartnerId.of(partnerId)).isEmpty()) {
            return false;
        }
        boolean changed = this.sessions.actFor(Tokens.sha256(token), PartnerId.of(partnerId));
        if (changed) {
            log.info("A console operator now acts for partner {}", partnerId);
        }
        return changed;
    }

    /** The live session a cookie's token opens. */
    public Optional<ConsoleSession> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return this.sessions.find(Tokens.sha256(token), this.clock.instant());
    }

    /** Whether a posted form's token is its session's own, compared in constant time. */
    public static boolean csrfMatches(ConsoleSession session, String presented) {
        return presented != null && Tokens.equalSecrets(session.csrfToken(), presented);
    }

    public void signOut(String token) {
        if (token != null) {
            this.sessions.delete(Tokens.sha256(token));
        }
    }

}
