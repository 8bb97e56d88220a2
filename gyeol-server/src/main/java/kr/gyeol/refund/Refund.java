package kr.gyeol.refund;

import kr.gyeol.shared.PaymentId;
import kr.gyeol.shared.RefundId;
import java.time.Instant;
import kr.gyeol.shared.Money;

/**
 * A cancel of all or part of a payment, in the payment's currency.
 *
 * @param vat the VAT part of {@code amount}
 * @param networkReference the cancel's own trade number
 * @param comments why, as the overseas API's partner said, else null
 */
public record Refund(RefundId id, PaymentId paymentId, RefundStatus status, Money amount, Money vat,
        String networkReference, Instant requestedAt, Instant completedAt, String comments) {

    public boolean approved() {
        return this.status == RefundStatus.APPROVED;
    }

    /** This refund in {@code next}, completed at {@code at} (null while unknown). */
    Refund with(RefundStatus next, Instant at) {
        this.status.requireCanBecome(next);
        return new Refund(this.id, this.paymentId, next, this.amount, this.vat, this.networkReference, this.requestedAt,
                at, this.comments);
    }

}
