package kr.gyeol.window;

import java.time.YearMonth;

import kr.gyeol.vault.InstrumentType;
import kr.gyeol.vault.Payer;

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
 */
public record WindowRequest(boolean testMode, InstrumentType instrument, WindowWork work, String orderId, Long amount,
        Long vat, boolean taxable, String goods, Payer payer, String userDefine1, String userDefine2,
        YearMonth billingPeriod, String resultUrl, String shopOrigin) {
}
