package kr.gyeol.activity.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kr.gyeol.activity.PaymentHistories;
import kr.gyeol.activity.PaymentHistory;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentSearch;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.payment.PaymentStatus;
import kr.gyeol.refund.Refund;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.PaymentId;
import kr.gyeol.web.JsonApi;
import kr.gyeol.web.JsonApiProblems;
import kr.gyeol.webhook.WebhookHistory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's payments, read-only, as {@code gyeol payments} shows them: the latest,
 * newest first, and one payment's history by its order id or Gyeol's payment id. Amounts
 * are in the currency's minor unit; card and account numbers only masked.
 */
@RestController
@JsonApi
class PaymentsController {

    /**
     * Why a payment was declined: Gyeol's reason and the institution's own code and
     * words.
     */
    record DeclineView(String reason, String institutionCode, String institutionMessage) {
    }

    record PaymentView(String id, String orderId, String api, String status, long amount, String currency,
            String instrument, String maskedNumber, String institution, String goods, String approvalNumber,
            DeclineView decline, String requestedAt, String completedAt) {

        static PaymentView of(Payment payment) {
            return new PaymentView(payment.id().value(), payment.orderId().value(), payment.api().name(),
                    payment.status().name(), payment.amount().amount(), payment.amount().currency().getCurrencyCode(),
                    payment.instrument() == null ? null : payment.instrument().name(), payment.maskedNumber(),
                    payment.institutionName(), payment.goods(), payment.approvalNumber(),
                    payment.decline() == null ? null
                            : new DeclineView(
                                    payment.decline().reason() == null ? null : payment.decline().reason().name(),
                                    payment.decline().institutionCode(), payment.decline().institutionMessage()),
                    text(payment.requestedAt()), text(payment.completedAt()));
        }

    }

    record RefundView(String id, String status, long amount, String requestedAt, String completedAt) {

        static RefundView of(Refund refund) {
            return new RefundView(refund.id().value(), refund.status().name(), refund.amount().amount(),
                    text(refund.requestedAt()), text(refund.completedAt()));
        }

    }

    /** One POST of a webhook: the receiver's status, or the error that stood for it. */
    record AttemptView(int number, String at, Integer statusCode, String error, long latencyMs) {
    }

    record WebhookView(String id, String type, String status, String createdAt, List<AttemptView> attempts) {

        static WebhookView of(WebhookHistory event) {
            return new WebhookView(event.id().value(), event.type().name(), event.status().name(),
                    text(event.createdAt()),
                    event.attempts()
                        .stream()
                        .map((attempt) -> new AttemptView(attempt.number(), text(attempt.attemptedAt()),
                                attempt.statusCode(), attempt.error(), attempt.latencyMillis()))
                        .toList());
        }

    }

    /**
     * A payment with its refunds (oldest first) and its webhooks, each with every
     * attempt.
     */
    record HistoryView(PaymentView payment, long refundable, List<RefundView> refunds, List<WebhookView> webhooks) {

        static HistoryView of(PaymentHistory history) {
            return new HistoryView(PaymentView.of(history.payment()), history.refundable(),
                    history.refunds().stream().map(RefundView::of).toList(),
                    history.webhooks().stream().map(WebhookView::of).toList());
        }

    }

    record Listing(List<PaymentView> payments) {
    }

    private static final Instant END_OF_TIME = Instant.parse("3000-01-01T00:00:00Z");

    private final PaymentService payments;

    private final PaymentHistories histories;

    PaymentsController(PaymentService payments, PaymentHistories histories) {
        this.payments = payments;
        this.histories = histories;
    }

    /** The partner's latest payments, newest first: at most {@code limit} (1 to 500). */
    @GetMapping("/v1/payments")
    Listing list(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestParam(required = false) PaymentStatus status, @RequestParam(defaultValue = "50") int limit) {
        // Every payment, whenever it was requested (a test clock's renewals may be years
        // ahead of the gateway's own clock).
        PaymentSearch all = new PaymentSearch(Instant.EPOCH, END_OF_TIME, status, null, null, null, null);
        return new Listing(this.payments.search(partner, all, Math.max(1, Math.min(limit, 500)), 0)
            .stream()
            .map(PaymentView::of)
            .toList());
    }

    /** One payment's history, by its order id or by Gyeol's payment id. */
    @GetMapping("/v1/payments/{id}")
    ResponseEntity<?> history(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id) {
        Optional<PaymentHistory> found = this.histories.ofOrder(partner, OrderId.of(id))
            .or(() -> this.payments.findById(PaymentId.of(id))
                .filter((payment) -> payment.partnerId().equals(partner))
                .map(this.histories::of));
        if (found.isEmpty()) {
            return JsonApiProblems.problem(HttpStatus.NOT_FOUND, "no-such-payment",
                    "No payment of this partner has the order id or payment id " + id + ".");
        }
        return ResponseEntity.ok(HistoryView.of(found.get()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

}
