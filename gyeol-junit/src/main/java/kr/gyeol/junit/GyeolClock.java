package kr.gyeol.junit;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import kr.gyeol.client.ClockAdvance;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.TestClock;

/**
 * A test clock of this test's partner: subscriptions attached to it
 * ({@code SubscriptionRequest.onTestClock(clock.id())}) live by its frozen time, and
 * moving it forward runs every renewal, failed charge and dunning retry that falls due,
 * in order, exactly as the gateway's own clock would, before {@link #advance} returns.
 * Their webhooks follow as usual, into the {@link Inbox}.
 *
 * <pre>{@code
 * GyeolClock clock = gyeol.newTestClock();
 * Subscription sub = gyeol.client().billing().subscribe(
 *         SubscriptionRequest.of(plan.id(), key.id()).onTestClock(clock.id()));
 * clock.advance(Period.ofMonths(1));   // the second period is charged
 * }</pre>
 */
public final class GyeolClock {

    /** Months and days are counted in Korean time, as the gateway bills. */
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private final GyeolClient client;

    private final String id;

    private volatile Instant now;

    GyeolClock(GyeolClient client, TestClock clock) {
        this.client = client;
        this.id = clock.id();
        this.now = clock.frozenTime();
    }

    /** The clock's id, to attach subscriptions to. */
    public String id() {
        return this.id;
    }

    /** The clock's frozen time. */
    public Instant now() {
        return this.now;
    }

    /** Moves the clock forward by {@code period} (months and days in Korean time). */
    public ClockAdvance advance(Period period) {
        return advanceTo(this.now.atZone(KOREA).plus(period).toInstant());
    }

    /** Moves the clock forward by {@code duration}. */
    public ClockAdvance advance(Duration duration) {
        return advanceTo(this.now.plus(duration));
    }

    /** Moves the clock forward to {@code to}, running what falls due on the way. */
    public synchronized ClockAdvance advanceTo(Instant to) {
        ClockAdvance moved = this.client.billing().advance(this.id, to);
        this.now = moved.frozenTime();
        return moved;
    }

    @Override
    public String toString() {
        return "GyeolClock[" + this.id + " at " + this.now + "]";
    }

}
