package kr.gyeol.client;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A charge of an overseas billing key (spec §5.3). {@link #toString()} leaves out the
 * security code.
 *
 * @param billingKey the billing key the window's first payment issued
 * @param comments the goods name
 * @param amount the amount, e.g. {@code 1.00}
 * @param currency {@code USD} or {@code KRW}
 * @param orderId the order id ({@code service_oid}); when null the client makes one up,
 * so that an unknown outcome can be looked up
 * @param securityCode the card's security code, checked per charge and never stored
 * @param firstName the card holder's first name, or null for the first payment's
 * @param lastName the last name, or null for the first payment's
 * @param email the e-mail, or null for the first payment's
 */
public record OverseasCharge(String billingKey, String comments, BigDecimal amount, String currency, String orderId,
        String securityCode, String firstName, String lastName, String email) {

    /** Checks the required fields. */
    public OverseasCharge {
        Objects.requireNonNull(billingKey, "billingKey");
        Objects.requireNonNull(comments, "comments");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** A charge with the first payment's name and e-mail. */
    public static OverseasCharge of(String billingKey, String comments, BigDecimal amount, String currency,
            String orderId, String securityCode) {
        return new OverseasCharge(billingKey, comments, amount, currency, orderId, securityCode, null, null, null);
    }

    @Override
    public String toString() {
        return "OverseasCharge[comments=" + this.comments + ", amount=" + this.amount + " " + this.currency
                + ", orderId=" + this.orderId + "]";
    }

}
