package kr.gyeol.subscription;

import java.time.Instant;
import java.util.List;

import kr.gyeol.shared.Money;

/**
 * What one period of a subscription costs and whether it was collected, with every charge
 * attempt.
 */
public record Invoice(String id, String subscriptionId, int periodNumber, Instant periodStart, Instant periodEnd,
        Money amount, Status status, int attempts, Instant firstFailedAt, Instant nextRetryAt, Instant createdAt,
        Instant paidAt, List<Attempt> history) {

    public enum Status {

        OPEN, PAID, UNCOLLECTIBLE, VOID

    }

    /** One charge of an invoice, under its own deterministic order id. */
    public record Attempt(int number, String orderId, String paymentId, AttemptStatus status, String declineReason,
            boolean hard, Instant attemptedAt, Instant settledAt) {
    }

    public enum AttemptStatus {

        /**
         * Written before the charge: a node that dies here leaves it for another to
         * resume.
         */
        CHARGING,

        APPROVED, DECLINED,

        /**
         * The network did not answer; the reconciler settles the payment before anything
         * else.
         */
        UNKNOWN,

        /**
         * The gateway refused the charge before the network (e.g. the key was revoked).
         */
        REFUSED

    }

    public Invoice withHistory(List<Attempt> attempts) {
        return new Invoice(id, subscriptionId, periodNumber, periodStart, periodEnd, amount, status, this.attempts,
                firstFailedAt, nextRetryAt, createdAt, paidAt, attempts);
    }

}
