package kr.gyeol.link;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;

/**
 * A link payment request.
 *
 * @param orderId the order id its payment carries, so it is paid at most once
 * @param methods how it may be paid, in the order the page offers them
 * @param vat the VAT the partner gave, or null for automatic VAT
 * @param expiresOn the last day it can be paid (Korean date)
 * @param billingPeriod the year-month for monthly duplicate prevention, or null
 */
public record PaymentLink(String key, PartnerId partnerId, OrderId orderId, List<Method> methods, String goods,
        Money amount, boolean taxable, Money vat, boolean cashReceipt, String memo, YearMonth billingPeriod,
        LocalDate expiresOn, Instant createdAt) {

    /** A way to pay a link: card billing, app card, or bank account. */
    public enum Method {

        CARD, APP_CARD, BANK_ACCOUNT

    }

}
