package kr.gyeol.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.refund.Refund;
import kr.gyeol.refund.RefundService;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.webhook.WebhookLog;

import org.springframework.stereotype.Service;

/** Reads a payment's history for the console and {@code /v1/payments}. */
@Service
public class PaymentHistories {

    private final PaymentService payments;

    private final RefundService refunds;

    private final WebhookLog webhooks;

    PaymentHistories(PaymentService payments, RefundService refunds, WebhookLog webhooks) {
        this.payments = payments;
        this.refunds = refunds;
        this.webhooks = webhooks;
    }

    /** The history of a payment the caller has already found as the partner's. */
    public PaymentHistory of(Payment payment) {
        List<Refund> refundsOf = this.refunds.of(payment.id());
        List<String> subjects = new ArrayList<>();
        subjects.add(payment.id().value());
        refundsOf.forEach((refund) -> subjects.add(refund.id().value()));
        return new PaymentHistory(payment, refundsOf, this.webhooks.historyAbout(payment.partnerId(), subjects));
    }

    /**
     * The partner's payment of this order id: the domestic API's first, then the overseas
     * API's (each keeps order ids unique within itself).
     */
    public Optional<PaymentHistory> ofOrder(PartnerId partnerId, OrderId orderId) {
        for (PaymentApi api : PaymentApi.values()) {
            Optional<Payment> found = this.payments.find(partnerId, api, orderId);
            if (found.isPresent()) {
                return found.map(this::of);
            }
        }
        return Optional.empty();
    }

}
