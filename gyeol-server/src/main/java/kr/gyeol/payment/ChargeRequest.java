package kr.gyeol.payment;

import java.time.YearMonth;
import kr.gyeol.vault.InstrumentType;
import kr.gyeol.vault.Payer;

/**
 * A partner's request to charge a billing key.
 *
 * @param orderId the partner's order id, or null to have one generated
 * @param vat the VAT the partner gave for a mixed basket, or null for automatic VAT
 * @param billingPeriod the year-month for monthly duplicate prevention, or null
 */
public record ChargeRequest(String partnerId, String billingKeyId, InstrumentType instrument, String orderId,
        long amount, Long vat, boolean taxable, String goods, Payer payer, String userDefine1, String userDefine2,
        YearMonth billingPeriod, boolean cashReceipt, String cashReceiptUse) {
}
