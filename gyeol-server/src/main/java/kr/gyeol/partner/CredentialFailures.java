package kr.gyeol.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing a partner's secret, in two ways that never refuse the right secret
 * from an address that has not guessed wrong:
 * <ul>
 * <li>per client address: after {@code gyeol.auth.failure-limit} wrong credentials for
 * one partner id from one address within {@code gyeol.auth.failure-window}, that pair is
 * refused, right credentials included, until the window has passed since the last of
 * them. The address is the client's as Tomcat's {@code RemoteIpValve} reads it, from
 * {@code X-Forwarded-For} of a trusted proxy only ({@code server.tomcat.remoteip.*}), so
 * clients behind the recommended reverse proxy are told apart;</li>
 * <li>per credential: once a partner id has had {@code gyeol.auth.slow-after} wrong
 * credentials within the window from any addresses, each further wrong answer for it
 * waits its turn, one per {@code gyeol.auth.slow-interval}, however many guesses run in
 * parallel (a wait is capped at {@code gyeol.auth.slow-max-wait}). Right answers never
 * wait.</li>
 * </ul>
 * Kept per node, in memory: behind N nodes a guesser gets N times the attempts, still a
 * handful a minute.
 */
@Component
public class CredentialFailures {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Per partner id: its recent failures from any address, and its next free turn. */
    private final Map<String, Credential> credentials = new ConcurrentHashMap<>();

    private final Clock clock;

    private final int limit;

    private final Duration window;

    private final int slowAfter;

    private final Duration slowInterval;

    private final Duration slowMaxWait;

    CredentialFailures(Clock clock, AuthProperties properties) {
        this.clock = clock;
        this.limit = properties.failureLimit();
        this.window = properties.failureWindow();
        this.slowAfter = properties.slowAfter();
        this.slowInterval = properties.slowInterval();
        this.slowMaxWait = properties.slowMaxWait();
    }

    private static final class Credential {

        final Deque<Instant> recent = new ArrayDeque<>();

        long nextTurnNanos;

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

    /**
     * Counts a wrong secret (or an unknown partner id) from an address; when the partner
     * id is being guessed at from many places, waits for its turn before the caller
     * answers.
     */
    public void failed(String partnerId, String address) {
        count(partnerId, address);
        Duration wait = turn(partnerId == null ? "" : partnerId);
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * How long this wrong answer waits: nothing until the credential has had
     * {@code slowAfter} failures in the window, then until its next free turn.
     */
    private Duration turn(String partnerId) {
        if (this.credentials.size() > 100_000) {
            this.credentials.values().removeIf((credential) -> {
                synchronized (credential) {
                    prune(credential.recent);
                    return credential.recent.isEmpty();
                }
            });
        }
        Credential credential = this.credentials.computeIfAbsent(partnerId, (k) -> new Credential());
        synchronized (credential) {
            prune(credential.recent);
            credential.recent.addLast(this.clock.instant());
            while (credential.recent.size() > this.slowAfter + 1) {
                credential.recent.removeFirst();
            }
            if (credential.recent.size() <= this.slowAfter) {
                return Duration.ZERO;
            }
            long now = System.nanoTime();
            long turn = Math.max(now, credential.nextTurnNanos);
            long wait = turn - now;
            if (wait > this.slowMaxWait.toNanos()) {
                // The queue is full: this answer waits the longest wait, without taking
                // a turn, so a wait stays bounded and parallel guesses stay slow.
                return this.slowMaxWait;
            }
            credential.nextTurnNanos = turn + this.slowInterval.toNanos();
            return Duration.ofNanos(wait);
        }
    }

    private void count(String partnerId, String address) {
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
