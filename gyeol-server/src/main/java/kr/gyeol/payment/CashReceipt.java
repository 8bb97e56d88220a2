package kr.gyeol.payment;

import java.time.Instant;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.PaymentId;

/**
 * A payment's cash receipt (현금영수증), as issued to the National Tax Service.
 *
 * @param paymentId the account payment it was issued for
 * @param number the NTS approval number ({@code test…} in test mode)
 * @param amount the amount it covers, VAT included
 * @param maskedIdentity the phone or business number it was issued to, masked
 * @param cancelledAt when it was cancelled, or null while it stands
 */
public record CashReceipt(PaymentId paymentId, Status status, String number, Money amount, Money vat, Use use,
        String maskedIdentity, Instant issuedAt, Instant cancelledAt) {

    /**
     * Whether the receipt stands. An issued receipt is cancelled (by tscancel, or by a
     * refund, which issues a new one for what remains); a cancelled one stays cancelled
     * (the repository's cancel only matches the standing receipt).
     */
    public enum Status {

        ISSUED, CANCELLED;

        public boolean canBecome(Status next) {
            return this == ISSUED && next == CANCELLED;
        }

    }

    /** 소득공제 (a person's income deduction) or 지출증빙 (a company's proof of expense). */
    public enum Use {

        PERSONAL, COMPANY

    }

    /** {@code company} (지출증빙) or anything else, a person's income deduction. */
    public static Use use(String value) {
        return value != null && value.trim().equalsIgnoreCase("company") ? Use.COMPANY : Use.PERSONAL;
    }

    public boolean issued() {
        return this.status == Status.ISSUED;
    }

}
