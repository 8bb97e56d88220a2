package kr.gyeol.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing a partner's secret: after {@code gyeol.auth.failure-limit} wrong
 * credentials for one partner id from one address within
 * {@code gyeol.auth.failure-window}, that pair is refused, right credentials included,
 * until the window has passed since the last of them. Kept per node, in memory: behind N
 * nodes a guesser gets N times the attempts, still a handful a minute.
 */
@Component
public class CredentialFailures {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    private final Clock clock;

    private final int limit;

    private final Duration window;

    CredentialFailures(Clock clock, @Value("${gyeol.auth.failure-limit:10}") int limit,
            @Value("${gyeol.auth.failure-window:5m}") Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Whether this partner id from this address is locked out now. */
    public boolean lockedOut(String partnerId, String address) {
        Deque<Instant> recent = this.failures.get(key(partnerId, address));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= this.limit;
        }
    }

    /** Counts a wrong secret (or an unknown partner id) from an address. */
    public void failed(String partnerId, String address) {
        if (this.failures.size() > 100_000) {
            // A flood of distinct pairs: drop what has aged out rather than grow.
            this.failures.values().removeIf((recent) -> {
                synchronized (recent) {
                    prune(recent);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = this.failures.computeIfAbsent(key(partnerId, address), (k) -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(this.clock.instant());
            while (recent.size() > this.limit) {
                recent.removeFirst();
            }
        }
    }

    /** Forgets the failures of a pair that got its credentials right. */
    public void succeeded(String partnerId, String address) {
        this.failures.remove(key(partnerId, address));
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = this.clock.instant().minus(this.window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }

    private static String key(String partnerId, String address) {
        return (partnerId == null ? "" : partnerId) + "\u0000" + (address == null ? "" : address);
    }

}
