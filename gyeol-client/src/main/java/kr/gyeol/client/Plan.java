package kr.gyeol.client;

import java.time.Instant;

/**
 * A plan: what a subscription costs, in the currency's minor unit, every
 * {@code intervalCount} {@code interval}s, after {@code trialDays} free days.
 */
public record Plan(String id, String name, long amount, String currency, BillingInterval interval, int intervalCount,
        int trialDays, Instant createdAt) {
}
