package kr.gyeol.window;

import java.time.YearMonth;

import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.Payer;

/**
 * A partner's window request as posted by its page, in domain terms; no card data.
 *
 * @param amount the amount to charge, or null for AUTH
 * @param vat the VAT the partner gave, or null for automatic VAT
 * @param billingPeriod year-month for monthly duplicate prevention, or null
 * @param resultUrl where the result goes, already absolute, or null when unknown
 * @param instrument a card or a bank account
 * @param shopOrigin origin of the page that opened the window, which may receive the
 * result when no result URL is given (a callback-only page), or null
 * @param testMode whether the partner was in test mode when the window opened
 * @param appMethods for an app-card window ({@code PCD_CARD_VER=02}), the ways the
 * customer may pay ({@link AppMethod}), else null
 * @param passwordKeyId for a password re-payment, the billing key to charge, else null
 * @param setsPassword whether a registering window also asks the customer for a password
 * for later re-payments ({@code PCD_SIMPLE_FLAG=Y})
 * @param cashReceipt whether an account payment issues a cash receipt
 * ({@code PCD_TAXSAVE_FLAG=Y})
 * @param legacyRelay whether the page is a 1.0.0 page ({@code PCD_CPAY_VER=1.0.0} or
 * none), whose own script takes the result from its {@code cPayPayple/payple_iframe.html}
 * relay
 * @param amount the won the page asks for, or null (an AUTH window charges nothing); with
 * {@code vat}, a plain number because the request is stored as JSON in
 * {@code windows.request} for the window's lifetime, and a window opened before an
 * upgrade must still read after it. {@link #amountDue()} is the amount as money.
 */
public record WindowRequest(boolean testMode, InstrumentType instrument, WindowWork work, String orderId, Long amount,
        Long vat, boolean taxable, String goods, Payer payer, String userDefine1, String userDefine2,
        YearMonth billingPeriod, String resultUrl, String shopOrigin, java.util.List<AppMethod> appMethods,
        String passwordKeyId, boolean setsPassword, boolean cashReceipt, boolean legacyRelay) {

    /** The same request with the order id Gyeol made for a page that gave none. */
    public WindowRequest withOrderId(String madeOrderId) {
        return new WindowRequest(this.testMode, this.instrument, this.work, madeOrderId, this.amount, this.vat,
                this.taxable, this.goods, this.payer, this.userDefine1, this.userDefine2, this.billingPeriod,
                this.resultUrl, this.shopOrigin, this.appMethods, this.passwordKeyId, this.setsPassword,
                this.cashReceipt, this.legacyRelay);
    }

    /** The amount the window charges, or null when it charges nothing. */
    public Money amountDue() {
        return this.amount == null ? null : Money.won(this.amount);
    }

    public boolean appCard() {
        return this.appMethods != null;
    }

    public boolean passwordPayment() {
        return this.passwordKeyId != null;
    }

}
