package kr.gyeol.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import kr.gyeol.console.jdbc.ConsoleSessionRepository;
import kr.gyeol.partner.CredentialFailures;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Console sign-in with the partner's own credentials ({@code cst_id} and key), under the
 * same lockout as every other credential check. A session is a random token whose hash is
 * stored, so any node can serve it and a database leak reveals none; it ends at sign-out
 * or after {@code gyeol.console.session-lifetime}.
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

    ConsoleSessions(ConsoleSessionRepository sessions, PartnerAuthentication authentication,
            CredentialFailures failures, Clock clock,
            @Value("${gyeol.console.session-lifetime:8h}") Duration lifetime) {
        this.sessions = sessions;
        this.authentication = authentication;
        this.failures = failures;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public SignIn signIn(String partnerId, String secret, String address) {
        if (partnerId == null || partnerId.isBlank() || secret == null || secret.isEmpty()) {
            return new SignIn.Refused(Refusal.WRONG_CREDENTIALS);
        }
        if (this.failures.lockedOut(partnerId, address)) {
            return new SignIn.Refused(Refusal.LOCKED_OUT);
        }
        if (!this.authentication.credentialsMatch(partnerId, secret)) {
            this.failures.failed(partnerId, address);
            return new SignIn.Refused(
                    this.failures.lockedOut(partnerId, address) ? Refusal.LOCKED_OUT : Refusal.WRONG_CREDENTIALS);
        }
        this.failures.succeeded(partnerId, address);
        String token = Tokens.urlSafe(32);
        Instant now = this.clock.instant();
        ConsoleSession session = new ConsoleSession(PartnerId.of(partnerId), Tokens.urlSafe(24),
                now.plus(this.lifetime));
        this.sessions.insert(Tokens.sha256(token), session, now);
        log.info("Console sign-in of partner {}", partnerId);
        return new SignIn.Success(new Opened(token, session));
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
