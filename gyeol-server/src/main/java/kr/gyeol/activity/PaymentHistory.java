package kr.gyeol.activity;

import java.util.List;

import kr.gyeol.payment.Payment;
import kr.gyeol.refund.Refund;
import kr.gyeol.refund.RefundStatus;
import kr.gyeol.webhook.WebhookHistory;

/**
 * One payment as it happened: the payment, its refunds in any state (oldest first), and
 * the webhooks about either, each with every attempt to deliver it.
 */
public record PaymentHistory(Payment payment, List<Refund> refunds, List<WebhookHistory> webhooks) {

    /** What can still be refunded: the approved amount less refunds not declined. */
    public long refundable() {
        if (!this.payment.approved()) {
            return 0;
        }
        long held = this.refunds.stream()
            .filter((refund) -> refund.status() != RefundStatus.DECLINED)
            .mapToLong((refund) -> refund.amount().amount())
            .sum();
        return Math.max(0, this.payment.amount().amount() - held);
    }

}
