package kr.gyeol.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how soon an idempotent call is tried again after a connection error or an
 * HTTP 5xx: up to {@code maxRetries} more times, waiting an exponentially growing delay
 * capped at {@code maxDelay}, with jitter that spreads the waits of many clients between
 * half and all of it. Charges, cancels and other writes are never retried; see
 * {@link GyeolClient}.
 *
 * @param maxRetries how many times to try again after the first attempt
 * @param initialDelay the wait before the first retry, before jitter
 * @param maxDelay the longest wait, before jitter
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    /** Two retries, from 0.5 s up to 5 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(5));

    /** Never try again. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    /** Checks the bounds. */
    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10: " + maxRetries);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("Need 0 <= initialDelay <= maxDelay");
        }
    }

    /**
     * The wait before retry number {@code retry} (1 for the first).
     * @param retry which retry, from 1
     * @param random a number in [0, 1) that picks the jitter
     * @return between half and all of {@code min(maxDelay, initialDelay * 2^(retry-1))}
     */
    public Duration delay(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry starts at 1: " + retry);
        }
        long initial = this.initialDelay.toMillis();
        long cap = this.maxDelay.toMillis();
        // Shifting by more than 62 overflows; the cap is reached long before.
        long exponential = retry > 31 ? cap : Math.min(cap, initial << (retry - 1));
        if (exponential < 0) {
            exponential = cap;
        }
        long jittered = exponential / 2 + (long) (random * (exponential - exponential / 2));
        return Duration.ofMillis(jittered);
    }

}
