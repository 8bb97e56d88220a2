package kr.gyeol.subscription;

import kr.gyeol.shared.PlanId;
import kr.gyeol.shared.SubscriptionId;
import java.time.Instant;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.PartnerId;

/**
 * A billing key bound to a plan. Period {@code periodNumber} runs from
 * {@code periodStart} to {@code periodEnd}; period n starts {@code n - anchorPeriod}
 * intervals after {@code anchorAt} (a trial is period -1); {@code nextActionAt} is when
 * the renewal job next has something to do (in the test clock's time when it has one),
 * null when nothing is scheduled.
 *
 * @param balance prorations owed (positive) or credited (negative) on the next renewal
 */
public record Subscription(SubscriptionId id, PartnerId partnerId, PlanId planId, BillingKeyId billingKeyId,
        String clockId, SubscriptionStatus status, String goods, Instant anchorAt, int anchorPeriod, int periodNumber,
        Instant periodStart, Instant periodEnd, Instant trialEnd, boolean trialEndingSent, boolean cancelAtPeriodEnd,
        long balance, Instant canceledAt, Instant pausedAt, Instant nextActionAt, Instant createdAt) {

    /** Where period {@code n} starts on this subscription's calendar. */
    public Instant startOf(int n, BillingInterval interval) {
        return BillingCalendar.periodStart(anchorAt, interval, (long) n - anchorPeriod);
    }

    /**
     * The same subscription in {@code status}, next acting at {@code at} (null: never).
     */
    public Subscription with(SubscriptionStatus target, Instant at) {
        return new Subscription(id, partnerId, planId, billingKeyId, clockId, status.requireCanBecome(target), goods,
                anchorAt, anchorPeriod, periodNumber, periodStart, periodEnd, trialEnd, trialEndingSent,
                cancelAtPeriodEnd, balance, target == SubscriptionStatus.CANCELED ? at : canceledAt,
                target == SubscriptionStatus.PAUSED ? at : pausedAt, target.scheduled() ? at : null, createdAt);
    }

    /** Canceled at {@code at}, whatever was scheduled. */
    public Subscription canceled(Instant at) {
        return new Subscription(id, partnerId, planId, billingKeyId, clockId,
                status.requireCanBecome(SubscriptionStatus.CANCELED), goods, anchorAt, anchorPeriod, periodNumber,
                periodStart, periodEnd, trialEnd, trialEndingSent, cancelAtPeriodEnd, balance, at, pausedAt, null,
                createdAt);
    }

    /** The same subscription next acting at {@code at}. */
    public Subscription nextAt(Instant at) {
        return new Subscription(id, partnerId, planId, billingKeyId, clockId, status, goods, anchorAt, anchorPeriod,
                periodNumber, periodStart, periodEnd, trialEnd, trialEndingSent, cancelAtPeriodEnd, balance, canceledAt,
                pausedAt, at, createdAt);
    }

    /** Moved into period {@code n}, with what remains of its balance. */
    public Subscription inPeriod(int n, Instant start, Instant end, long remainingBalance) {
        return new Subscription(id, partnerId, planId, billingKeyId, clockId, status, goods, anchorAt, anchorPeriod, n,
                start, end, trialEnd, trialEndingSent, cancelAtPeriodEnd, remainingBalance, canceledAt, pausedAt,
                nextActionAt, createdAt);
    }

    /** With its trial's ending told. */
    public Subscription trialEndingTold(Instant next) {
        return new Subscription(id, partnerId, planId, billingKeyId, clockId, status, goods, anchorAt, anchorPeriod,
                periodNumber, periodStart, periodEnd, trialEnd, true, cancelAtPeriodEnd, balance, canceledAt, pausedAt,
                next, createdAt);
    }

    /** Ending (or no longer ending) when its period does. */
    public Subscription cancelingAtPeriodEnd(boolean cancel) {
        return new Subscription(id, partnerId, planId, billingKeyId, clockId, status, goods, anchorAt, anchorPeriod,
                periodNumber, periodStart, periodEnd, trialEnd, trialEndingSent, cancel, balance, canceledAt, pausedAt,
                nextActionAt, createdAt);
    }

    /** On another plan, with the proration added to its balance. */
    public Subscription onPlan(PlanId plan, long proration) {
        return new Subscription(id, partnerId, plan, billingKeyId, clockId, status, goods, anchorAt, anchorPeriod,
                periodNumber, periodStart, periodEnd, trialEnd, trialEndingSent, cancelAtPeriodEnd,
                Math.addExact(balance, proration), canceledAt, pausedAt, nextActionAt, createdAt);
    }

    /** Its calendar counted anew: period {@code n} starts at {@code anchor}. */
    public Subscription anchoredAt(Instant anchor, int n, Instant currentPeriodEnd) {
        return new Subscription(id, partnerId, planId, billingKeyId, clockId, status, goods, anchor, n, periodNumber,
                periodStart, currentPeriodEnd, trialEnd, trialEndingSent, cancelAtPeriodEnd, balance, canceledAt,
                pausedAt, nextActionAt, createdAt);
    }

    /** Charging another billing key from now on. */
    public Subscription onKey(BillingKeyId key) {
        return new Subscription(id, partnerId, planId, key, clockId, status, goods, anchorAt, anchorPeriod,
                periodNumber, periodStart, periodEnd, trialEnd, trialEndingSent, cancelAtPeriodEnd, balance, canceledAt,
                pausedAt, nextActionAt, createdAt);
    }

}
