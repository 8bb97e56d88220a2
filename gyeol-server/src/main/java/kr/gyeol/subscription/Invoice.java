package kr.gyeol.subscription;

import kr.gyeol.shared.InvoiceId;
import kr.gyeol.shared.SubscriptionId;
import java.time.Instant;
import java.util.List;

import kr.gyeol.shared.Money;

/**
 * What one period of a subscription costs and whether it was collected, with every charge
 * attempt.
 */
public record Invoice(InvoiceId id, SubscriptionId subscriptionId, int periodNumber, Instant periodStart,
        Instant periodEnd, Money amount, Status status, int attempts, Instant firstFailedAt, Instant nextRetryAt,
        Instant createdAt, Instant paidAt, List<Attempt> history) {

    /**
     * An invoice's state. An open invoice is charged (and stays open between retries)
     * until it is paid, given up (uncollectible) or voided by a cancel; an uncollectible
     * one opens again when the subscription gets a new billing key. Paid and void are
     * final.
     */
    public enum Status {

        OPEN, PAID, UNCOLLECTIBLE, VOID;

        public java.util.Set<Status> successors() {
            return switch (this) {
                case OPEN -> java.util.Set.of(OPEN, PAID, UNCOLLECTIBLE, VOID);
                case UNCOLLECTIBLE -> java.util.Set.of(OPEN);
                case PAID, VOID -> java.util.Set.of();
            };
        }

        public boolean canBecome(Status next) {
            return successors().contains(next);
        }

        /** Refuses an illegal transition, naming both states. */
        public void requireCanBecome(Status next) {
            if (!canBecome(next)) {
                throw new IllegalStateException("An invoice cannot go from " + this + " to " + next);
            }
        }

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
