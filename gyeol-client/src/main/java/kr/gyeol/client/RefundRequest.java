package kr.gyeol.client;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A cancel (card) or refund (account) of a payment, in full or in part (spec §1.8).
 *
 * @param orderId the payment's order id
 * @param paidOn the day it was paid, Korean time
 * @param amount how much to give back, in won; less than the payment is a partial refund
 * @param vat the VAT part of the refund for a mixed-tax payment, or null
 * @param monthlyPeriod the billing month of a payment with monthly duplicate prevention,
 * or null
 */
public record RefundRequest(String orderId, LocalDate paidOn, long amount, Long vat, YearMonth monthlyPeriod) {

    /** Checks the required fields. */
    public RefundRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paidOn, "paidOn");
    }

    /** A refund of {@code amount} won of the payment {@code orderId}. */
    public static RefundRequest of(String orderId, LocalDate paidOn, long amount) {
        return new RefundRequest(orderId, paidOn, amount, null, null);
    }

}
