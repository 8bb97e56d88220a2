package kr.gyeol.client;

import java.util.Objects;

/**
 * A cash receipt to issue for an account payment after the fact (spec §1.12).
 * {@link #toString()} leaves out the identity number.
 *
 * @param orderId the payment's order id
 * @param billingKey the billing key the payment was made with, or null
 * @param amount the amount to issue for, in won
 * @param vat the VAT part, or null
 * @param use what the receipt is for, or null for the payment's own choice
 * @param identityNumber a phone or business number, or null for the payment's own
 */
public record CashReceiptRequest(String orderId, String billingKey, long amount, Long vat, CashReceiptUse use,
        String identityNumber) {

    /** Checks the required fields. */
    public CashReceiptRequest {
        Objects.requireNonNull(orderId, "orderId");
    }

    @Override
    public String toString() {
        return "CashReceiptRequest[orderId=" + this.orderId + ", amount=" + this.amount + ", use=" + this.use + "]";
    }

}
