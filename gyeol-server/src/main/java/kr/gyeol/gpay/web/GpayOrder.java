package kr.gyeol.gpay.web;

import java.util.Currency;
import kr.gyeol.shared.Money;

/**
 * What a partner asks the overseas API to charge, as the window keeps it between its two
 * pages; no card data.
 *
 * @param serviceOid the partner's order id, or null to have one generated
 * @param amount in the currency's minor unit
 */
record GpayOrder(String partnerId, String serviceOid, String comments, long amount, String currency, String firstName,
        String lastName, String email, String serviceDefine, String resultUrl) {

    /** The amount with its currency. */
    Money money() {
        return new Money(this.amount, Currency.getInstance(this.currency));
    }

}
