package kr.gyeol.window;

import java.time.Clock;
import java.time.Duration;

import kr.gyeol.window.jdbc.WindowRepository;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes windows (and their CERT confirmations) a day after they expired; any node may
 * do it, the DELETE is idempotent. A confirmed payment keeps everything it needs in its
 * own row.
 */
@Component
class WindowJanitor {

    static final Duration RETENTION = Duration.ofDays(1);

    private final WindowRepository windows;

    private final Clock clock;

    WindowJanitor(WindowRepository windows, Clock clock) {
        this.windows = windows;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gyeol.window.janitor-interval:1h}", initialDelayString = "5m")
    int deleteExpiredWindows() {
        return this.windows.deleteExpiredBefore(this.clock.instant().minus(RETENTION));
    }

}
