package kr.gyeol.client;

import java.time.Instant;
import java.util.List;

/**
 * What one period of a subscription cost (OPEN, PAID, UNCOLLECTIBLE or VOID) and every
 * attempt to charge it.
 */
public record Invoice(String id, String subscriptionId, int periodNumber, Instant periodStart, Instant periodEnd,
        long amount, String currency, String status, int attempts, Instant firstFailedAt, Instant nextRetryAt,
        Instant createdAt, Instant paidAt, List<Attempt> history) {

    /**
     * One charge of an invoice, under its own order id; {@code status} is CHARGING,
     * APPROVED, DECLINED, UNKNOWN or REFUSED.
     */
    public record Attempt(int number, String orderId, String paymentId, String status, String declineReason,
            boolean hardDecline, Instant attemptedAt, Instant settledAt) {
    }

}
