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
 * @param method what the charge draws on, and its rules
 * @param orderId the partner's order id, or null to have one generated
 * @param amount what to charge, in its currency's minor unit
 * @param vat the VAT the partner gave for a mixed basket, or null for automatic VAT
 * @param billingPeriod the year-month for monthly duplicate prevention, or null
 * @param cashReceiptIdentity the phone or business number a cash receipt is issued to, or
 * null for the payer's phone
 */
public record ChargeRequest(PartnerId partnerId, ChargeMethod method, OrderId orderId, Money amount, Long vat,
        boolean taxable, String goods, Payer payer, String userDefine1, String userDefine2, YearMonth billingPeriod,
        boolean cashReceipt, String cashReceiptUse, String cashReceiptIdentity) {

    public ChargeRequest {
        method.requireFits(amount, taxable, billingPeriod, cashReceipt);
    }

    /** A domestic charge of a billing key. */
    public static ChargeRequest ofBillingKey(PartnerId partnerId, BillingKeyId billingKeyId, InstrumentType instrument,
            OrderId orderId, long amount, Long vat, boolean taxable, String goods, Payer payer, String userDefine1,
            String userDefine2, YearMonth billingPeriod, boolean cashReceipt, String cashReceiptUse,
            String cashReceiptIdentity) {
        return new ChargeRequest(partnerId, ChargeMethod.ofBillingKey(billingKeyId, instrument), orderId,
                Money.won(amount), vat, taxable, goods, payer, userDefine1, userDefine2, billingPeriod, cashReceipt,
                cashReceiptUse, cashReceiptIdentity);
    }

    /**
     * An overseas charge of a foreign card's billing key, with the card's security code
     * when its holder is present ({@link ChargeMethod.OverseasCard}), else merchant
     * initiated ({@link ChargeMethod.OverseasRecurring}); a payer field left out defaults
     * to the key's first payment's (spec §5.3).
     */
    public static ChargeRequest overseas(PartnerId partnerId, ChargeMethod method, OrderId orderId, Money amount,
            String goods, String email) {
        if (method.api() != PaymentApi.GPAY) {
            throw new IllegalArgumentException("An overseas charge draws on a foreign card's billing key");
        }
        return new ChargeRequest(partnerId, method, orderId, amount, null, false, goods,
                new Payer(null, method.overseas().fullName(), null, email), null, null, null, false, null, null);
    }

    public PaymentApi api() {
        return this.method.api();
    }

    public InstrumentType instrument() {
        return this.method.instrument();
    }

    /** The billing key charged, or null for an app card. */
    public BillingKeyId billingKeyId() {
        return this.method.billingKey();
    }

    /** The app-card approval drawn on, or null. */
    public AppCardCharge appCard() {
        return this.method.appCard();
    }

    /** The overseas API's fields, or null for a domestic charge. */
    public Overseas overseas() {
        return this.method.overseas();
    }

}
