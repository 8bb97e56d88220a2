package kr.gyeol.partner;

import java.time.Clock;
import java.time.Duration;
import kr.gyeol.partner.jdbc.AuthSessionRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sessions a day after they expired; any node may do it, the DELETE is
 * idempotent.
 */
@Component
class AuthSessionJanitor {

    private final AuthSessionRepository sessions;

    private final Clock clock;

    AuthSessionJanitor(AuthSessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gyeol.auth.janitor-interval:1h}", initialDelayString = "5m")
    void deleteExpiredSessions() {
        sessions.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

}
