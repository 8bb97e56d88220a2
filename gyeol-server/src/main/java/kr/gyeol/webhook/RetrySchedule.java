package kr.gyeol.webhook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait after each failed attempt; after the last wait's attempt fails the
 * event is given up. Each wait is spread by up to ±{@code jitter} of itself, so a
 * receiver that comes back is not hit by every event at once.
 */
public record RetrySchedule(List<Duration> waits, double jitter) {

    /** Toss Payments' schedule: 1, 4, 16, 64, 256, 1024 and 4096 minutes. */
    public static final List<Duration> DEFAULT_WAITS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(4),
            Duration.ofMinutes(16), Duration.ofMinutes(64), Duration.ofMinutes(256), Duration.ofMinutes(1024),
            Duration.ofMinutes(4096));

    public RetrySchedule {
        waits = List.copyOf(waits);
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is a fraction below 1");
        }
    }

    /** Attempts in all: the first, then one after each wait. */
    public int attempts() {
        return this.waits.size() + 1;
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based), or null when it was the
     * last.
     */
    public Duration waitAfter(int attempt) {
        if (attempt >= attempts()) {
            return null;
        }
        Duration base = this.waits.get(attempt - 1);
        long spread = (long) (base.toMillis() * this.jitter);
        long offset = spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1);
        return base.plusMillis(offset);
    }

}
