package kr.gyeol.subscription.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import kr.gyeol.subscription.DunningPolicy;
import kr.gyeol.subscription.Invoice;
import kr.gyeol.subscription.Plan;
import kr.gyeol.subscription.Subscription;
import kr.gyeol.subscription.TestClock;

/** The JSON shapes of the recurring-billing API ({@code /v1}). */
final class Views {

    private Views() {
    }

    /** A list answer: {@code {"data": [...]}}. */
    record Listing<T>(List<T> data) {
    }

    record PlanView(String id, String name, long amount, String currency, String interval, int intervalCount,
            int trialDays, Instant createdAt) {

        static PlanView of(Plan plan) {
            return new PlanView(plan.id().value(), plan.name(), plan.amount().amount(),
                    plan.amount().currency().getCurrencyCode(), plan.interval().unit().name(), plan.interval().count(),
                    plan.trialDays(), plan.createdAt());
        }

    }

    record SubscriptionView(String id, String status, String planId, String billingKey, String goods, String testClock,
            int periodNumber, Instant currentPeriodStart, Instant currentPeriodEnd, Instant trialEnd,
            boolean cancelAtPeriodEnd, long balance, Instant canceledAt, Instant pausedAt, Instant nextActionAt,
            Instant createdAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id().value(), s.status().name(), s.planId().value(), s.billingKeyId().value(),
                    s.goods(), s.clockId(), s.periodNumber(), s.periodStart(), s.periodEnd(), s.trialEnd(),
                    s.cancelAtPeriodEnd(), s.balance(), s.canceledAt(), s.pausedAt(), s.nextActionAt(), s.createdAt());
        }

    }

    record AttemptView(int number, String orderId, String paymentId, String status, String declineReason,
            boolean hardDecline, Instant attemptedAt, Instant settledAt) {

        static AttemptView of(Invoice.Attempt attempt) {
            return new AttemptView(attempt.number(), attempt.orderId(), attempt.paymentId(), attempt.status().name(),
                    attempt.declineReason(), attempt.hard(), attempt.attemptedAt(), attempt.settledAt());
        }

    }

    record InvoiceView(String id, String subscriptionId, int periodNumber, Instant periodStart, Instant periodEnd,
            long amount, String currency, String status, int attempts, Instant firstFailedAt, Instant nextRetryAt,
            Instant createdAt, Instant paidAt, List<AttemptView> history) {

        static InvoiceView of(Invoice invoice) {
            return new InvoiceView(invoice.id().value(), invoice.subscriptionId().value(), invoice.periodNumber(),
                    invoice.periodStart(), invoice.periodEnd(), invoice.amount().amount(),
                    invoice.amount().currency().getCurrencyCode(), invoice.status().name(), invoice.attempts(),
                    invoice.firstFailedAt(), invoice.nextRetryAt(), invoice.createdAt(), invoice.paidAt(),
                    invoice.history().stream().map(AttemptView::of).toList());
        }

    }

    record EventView(String id, String type, Instant occurredAt, Map<String, String> fields) {
    }

    record ClockView(String id, String name, Instant frozenTime, Instant createdAt) {

        static ClockView of(TestClock clock) {
            return new ClockView(clock.id(), clock.name(), clock.frozenAt(), clock.createdAt());
        }

    }

    /**
     * A clock after an advance: the steps this call took, and what is still due (held
     * elsewhere).
     */
    record AdvanceView(String id, String name, Instant frozenTime, Instant createdAt, int steps, int stillDue) {
    }

    record DunningView(List<Integer> retryDays, String afterRetries) {

        static DunningView of(DunningPolicy policy) {
            return new DunningView(policy.retryDays(), policy.afterRetries().name());
        }

    }

}
