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
 * @param billingKeyId the billing key to charge, or null for an app-card charge
 * @param appCard the card approved in an app, for an app-card charge, else null
 * @param cashReceiptIdentity the phone or business number a cash receipt is issued to, or
 * null for the payer's phone
 */
public record ChargeRequest(String partnerId, String billingKeyId, InstrumentType instrument, String orderId,
        long amount, Long vat, boolean taxable, String goods, Payer payer, String userDefine1, String userDefine2,
        YearMonth billingPeriod, boolean cashReceipt, String cashReceiptUse, String cashReceiptIdentity,
        AppCardCharge appCard) {

    public ChargeRequest {
        if ((billingKeyId == null) == (appCard == null)) {
            throw new IllegalArgumentException("A charge draws on a billing key or on an app card, never both");
        }
        if (appCard != null && (instrument != InstrumentType.CARD || billingPeriod != null)) {
            throw new IllegalArgumentException("An app-card charge is a one-off card charge");
        }
    }

    /** A charge of a billing key. */
    public static ChargeRequest ofBillingKey(String partnerId, String billingKeyId, InstrumentType instrument,
            String orderId, long amount, Long vat, boolean taxable, String goods, Payer payer, String userDefine1,
            String userDefine2, YearMonth billingPeriod, boolean cashReceipt, String cashReceiptUse,
            String cashReceiptIdentity) {
        return new ChargeRequest(partnerId, billingKeyId, instrument, orderId, amount, vat, taxable, goods, payer,
                userDefine1, userDefine2, billingPeriod, cashReceipt, cashReceiptUse, cashReceiptIdentity, null);
    }
}
