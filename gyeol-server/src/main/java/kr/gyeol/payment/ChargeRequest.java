package kr.gyeol.payment;

import java.time.YearMonth;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Payer;

/**
 * A partner's request to charge a billing key or an app card, through either API.
 *
 * @param orderId the partner's order id, or null to have one generated
 * @param amount what to charge, in its currency's minor unit
 * @param vat the VAT the partner gave for a mixed basket, or null for automatic VAT
 * @param billingPeriod the year-month for monthly duplicate prevention, or null
 * @param billingKeyId the billing key to charge, or null for an app-card charge
 * @param appCard the card approved in an app, for an app-card charge, else null
 * @param cashReceiptIdentity the phone or business number a cash receipt is issued to, or
 * null for the payer's phone
 * @param overseas the overseas API's extra fields, for an overseas charge, else null
 */
public record ChargeRequest(PartnerId partnerId, PaymentApi api, BillingKeyId billingKeyId, InstrumentType instrument,
        OrderId orderId, Money amount, Long vat, boolean taxable, String goods, Payer payer, String userDefine1,
        String userDefine2, YearMonth billingPeriod, boolean cashReceipt, String cashReceiptUse,
        String cashReceiptIdentity, AppCardCharge appCard, Overseas overseas) {

    public ChargeRequest {
        if ((billingKeyId == null) == (appCard == null)) {
            throw new IllegalArgumentException("A charge draws on a billing key or on an app card, never both");
        }
        if (appCard != null && (instrument != InstrumentType.CARD || billingPeriod != null)) {
            throw new IllegalArgumentException("An app-card charge is a one-off card charge");
        }
        if ((api == PaymentApi.GPAY) != (overseas != null)) {
            throw new IllegalArgumentException("Overseas fields belong to overseas charges");
        }
        if (api == PaymentApi.PAYPLE && !Money.KRW.equals(amount.currency())) {
            throw new IllegalArgumentException("The domestic API charges won only");
        }
        if (api == PaymentApi.GPAY && (appCard != null || billingPeriod != null || cashReceipt || taxable)) {
            throw new IllegalArgumentException("An overseas charge is a plain card charge without VAT");
        }
    }

    /** A domestic charge of a billing key. */
    public static ChargeRequest ofBillingKey(PartnerId partnerId, BillingKeyId billingKeyId, InstrumentType instrument,
            OrderId orderId, long amount, Long vat, boolean taxable, String goods, Payer payer, String userDefine1,
            String userDefine2, YearMonth billingPeriod, boolean cashReceipt, String cashReceiptUse,
            String cashReceiptIdentity) {
        return new ChargeRequest(partnerId, PaymentApi.PAYPLE, billingKeyId, instrument, orderId, Money.won(amount),
                vat, taxable, goods, payer, userDefine1, userDefine2, billingPeriod, cashReceipt, cashReceiptUse,
                cashReceiptIdentity, null, null);
    }

    /**
     * An overseas charge of a foreign card's billing key; a payer field left out defaults
     * to the key's first payment's (spec §5.3).
     */
    public static ChargeRequest overseas(PartnerId partnerId, BillingKeyId billingKeyId, OrderId orderId, Money amount,
            String goods, String email, Overseas overseas) {
        return new ChargeRequest(partnerId, PaymentApi.GPAY, billingKeyId, InstrumentType.CARD, orderId, amount, null,
                false, goods, new Payer(null, overseas.fullName(), null, email), null, null, null, false, null, null,
                null, overseas);
    }

}
