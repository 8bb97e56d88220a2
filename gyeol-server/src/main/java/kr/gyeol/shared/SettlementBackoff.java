package kr.gyeol.shared;

import org.springframework.beans.factory.annotation.Autowired;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When the settlement loop asks the network again about an outcome it still does not
 * know: after {@code gyeol.reconciler.delay}, then twice as long each try up to
 * {@code gyeol.settlement.max-delay}, and not at all after
 * {@code gyeol.settlement.max-attempts} tries (the row then waits for an operator).
 */
@Component
public class SettlementBackoff {

    private static final Logger log = LoggerFactory.getLogger(SettlementBackoff.class);

    private final Duration first;

    private final ExponentialBackOff waits;

    private final int maxAttempts;

    @Autowired
    SettlementBackoff(ReconcilerProperties reconciler, SettlementProperties settlement) {
        this(reconciler.delay(), settlement.maxDelay(), settlement.maxAttempts());
    }

    public SettlementBackoff(Duration first, Duration longest, int maxAttempts) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Settlement backoff needs 0 < delay <= max-delay and max-attempts >= 1");
        }
        this.first = first;
        this.waits = new ExponentialBackOff(first.toMillis(), 2.0);
        this.waits.setMaxInterval(longest.toMillis());
        this.maxAttempts = maxAttempts;
    }

    /** How long a claim leases its row: one first delay, as long as any try may run. */
    public Duration lease() {
        return this.first;
    }

    /**
     * When to try again after {@code attempts} tries that found the outcome still
     * unknown, or empty when the tries are used up.
     */
    public Optional<Instant> nextTry(int attempts, Instant now) {
        if (attempts >= this.maxAttempts) {
            return Optional.empty();
        }
        // Spring's back-off runs one try at a time; a row knows only how many it had, so
        // its wait is the one the back-off gives for that try (at most maxAttempts
        // steps).
        BackOffExecution execution = this.waits.start();
        long wait = execution.nextBackOff();
        for (int tried = 1; tried < attempts; tried++) {
            wait = execution.nextBackOff();
        }
        return Optional.of(now.plusMillis(wait));
    }

    /**
     * When to put a row whose outcome is still unknown after {@code attempts} tries back
     * in line, or null (and an error for an operator) when its tries are used up.
     * @param subject what the row is, for the log: {@code "Payment 8x…"}
     */
    public Instant nextTryOrOperator(String subject, int attempts, Instant now) {
        Instant next = nextTry(attempts, now).orElse(null);
        if (next == null) {
            log.error("{} is still unknown after {} inquiries; it waits for an operator", subject, attempts);
        }
        return next;
    }

    public int maxAttempts() {
        return this.maxAttempts;
    }

}
