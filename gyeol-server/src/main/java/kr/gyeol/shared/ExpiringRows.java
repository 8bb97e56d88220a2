package kr.gyeol.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * Rows that are of no use once expired (AuthKey sessions, windows, pending
 * registrations), which the {@link ExpiredRowsJanitor} deletes.
 */
public interface ExpiringRows {

    /** Deletes the rows that expired before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Instant cutoff);

    /**
     * How long expired rows are kept: the janitor's {@code retention} (for a look at what
     * happened) unless the rows tell nothing once expired.
     */
    default Duration keptAfterExpiry(Duration retention) {
        return retention;
    }

}
