package kr.gyeol.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired rows a while after they expired, so no session, window or encrypted
 * pending registration outlives its use; any node may do it, each DELETE is idempotent.
 */
@Component
public class ExpiredRowsJanitor {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRowsJanitor.class);

    private final List<ExpiringRows> tables;

    private final Clock clock;

    private final Duration retention;

    ExpiredRowsJanitor(List<ExpiringRows> tables, Clock clock, JanitorProperties properties) {
        this.tables = tables;
        this.clock = clock;
        this.retention = properties.retention();
    }

    /** Deletes what expired more than the retention ago; returns how many rows. */
    @Scheduled(fixedDelayString = "${gyeol.janitor.interval:1h}", initialDelayString = "5m")
    public int deleteExpired() {
        int deleted = 0;
        Instant now = this.clock.instant();
        for (ExpiringRows table : this.tables) {
            try {
                deleted += table.deleteExpiredBefore(now.minus(table.keptAfterExpiry(this.retention)));
            }
            catch (RuntimeException ex) {
                log.warn("Deleting expired rows of {} failed; the next round tries again",
                        table.getClass().getSimpleName(), ex);
            }
        }
        return deleted;
    }

}
