package kr.gyeol.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.subscription.jdbc.ClockRepository;
import kr.gyeol.subscription.jdbc.SubscriptionRepository;

import org.springframework.stereotype.Service;

/**
 * Test clocks: a test-mode partner freezes time for the subscriptions it attaches, and
 * advancing the clock runs every renewal, failure and dunning step that falls due, in
 * order, before the call returns. Live partners cannot have one.
 */
@Service
public class TestClocks {

    /** Where a clock stands after an advance: its time and the steps taken. */
    public record Advanced(TestClock clock, int steps, int stillDue) {
    }

    private static final Duration LONGEST_ADVANCE = Duration.ofDays(366 * 5);

    private final ClockRepository clocks;

    private final SubscriptionRepository subscriptions;

    private final Renewals renewals;

    private final PartnerAuthentication partners;

    private final Clock clock;

    private final Duration waitForOthers;

    TestClocks(ClockRepository clocks, SubscriptionRepository subscriptions, Renewals renewals,
            PartnerAuthentication partners, Clock clock, SubscriptionProperties properties) {
        this.clocks = clocks;
        this.subscriptions = subscriptions;
        this.renewals = renewals;
        this.partners = partners;
        this.clock = clock;
        this.waitForOthers = properties.advanceWait();
    }

    public TestClock create(PartnerId partnerId, String name, Instant frozenAt) {
        requireTestMode(partnerId);
        if (name != null && name.length() > 100) {
            throw SubscriptionRefused.invalid("invalid-clock", "name is at most 100 characters.");
        }
        Instant now = this.clock.instant();
        TestClock created = new TestClock("clock_" + Tokens.urlSafe(14), partnerId, name,
                frozenAt != null ? frozenAt : now, now);
        this.clocks.insert(created);
        return created;
    }

    public TestClock find(PartnerId partnerId, String id) {
        return this.clocks.find(id)
            .filter((found) -> found.partnerId().equals(partnerId))
            .orElseThrow(() -> SubscriptionRefused.notFound("test-clock", id));
    }

    public List<TestClock> list(PartnerId partnerId, int limit) {
        return this.clocks.ofPartner(partnerId, limit);
    }

    /**
     * Moves a clock to {@code to} and runs what falls due up to then. Several nodes may
     * advance one clock at once: each takes the steps it claims, and each returns once
     * nothing due is left (or only what waits for the reconciler, or for a node that
     * stopped mid-step, after a while).
     */
    public Advanced advance(PartnerId partnerId, String id, Instant to) {
        TestClock current = find(partnerId, id);
        if (to == null) {
            throw SubscriptionRefused.invalid("invalid-clock", "frozenTime (the time to advance to) is required.");
        }
        if (to.isBefore(current.frozenAt())) {
            throw SubscriptionRefused.conflict("clock-cannot-go-back",
                    "A test clock only moves forward; it is at " + current.frozenAt() + ".");
        }
        if (Duration.between(current.frozenAt(), to).compareTo(LONGEST_ADVANCE) > 0) {
            throw SubscriptionRefused.invalid("invalid-clock", "A clock advances at most five years at a time.");
        }
        this.clocks.advance(id, to);
        int steps = 0;
        long deadline = System.nanoTime() + this.waitForOthers.toNanos();
        while (true) {
            int took = this.renewals.runDue(id);
            steps += took;
            if (this.subscriptions.dueOnClock(id) == 0) {
                break;
            }
            if (took == 0) {
                // What is left is held: by another node advancing the same clock, by a
                // payment the reconciler has yet to settle, or by a node that stopped
                // mid-step (until its lease ends).
                if (System.nanoTime() > deadline) {
                    break;
                }
                try {
                    Thread.sleep(50);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return new Advanced(find(partnerId, id), steps, this.subscriptions.dueOnClock(id));
    }

    private void requireTestMode(PartnerId partnerId) {
        if (!this.partners.isTestMode(partnerId.value())) {
            throw new SubscriptionRefused(kr.gyeol.shared.Refused.Kind.FORBIDDEN, "test-mode-only",
                    "Test clocks belong to test-mode partners; a live partner's subscriptions run on real time.");
        }
    }

    /** The clock of a test-mode partner, for a subscription to attach to. */
    TestClock attachable(PartnerId partnerId, String id) {
        requireTestMode(partnerId);
        return find(partnerId, id);
    }

}
