package kr.gyeol.client;

import java.time.Instant;

/**
 * A billing key on a plan. Period {@code periodNumber} (−1 is the trial) runs from
 * {@code currentPeriodStart} to {@code currentPeriodEnd}; {@code balance} is what
 * prorations add to (positive) or take off (negative) the next renewal.
 */
public record Subscription(String id, SubscriptionStatus status, String planId, String billingKey, String goods,
        String testClock, int periodNumber, Instant currentPeriodStart, Instant currentPeriodEnd, Instant trialEnd,
        boolean cancelAtPeriodEnd, long balance, Instant canceledAt, Instant pausedAt, Instant nextActionAt,
        Instant createdAt) {
}
