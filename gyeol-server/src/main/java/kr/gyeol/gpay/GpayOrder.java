package kr.gyeol.gpay;

/**
 * What a partner asks the overseas API to charge; no card data.
 *
 * @param serviceOid the partner's order id, or null to have one generated
 * @param amount in the currency's minor unit
 */
public record GpayOrder(String partnerId, String serviceOid, String comments, long amount, String currency,
        String firstName, String lastName, String email, String serviceDefine, String resultUrl) {
}
