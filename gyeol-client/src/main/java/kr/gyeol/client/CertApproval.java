package kr.gyeol.client;

import java.util.Map;
import java.util.Objects;
import kr.gyeol.protocol.Fields;

/**
 * What a payment window run with {@code PCD_PAY_WORK=CERT} hands the partner's result
 * page for the final approval (spec §1.5). The client posts the approval to the
 * configured domestic host, never to the {@code PCD_PAY_COFURL} the browser brought, so a
 * tampered result cannot send the partner's key elsewhere.
 *
 * @param payType card or account
 * @param orderId the order id, looked up if the approval's outcome is unknown
 * @param authKey the window's {@code PCD_AUTH_KEY}
 * @param requestKey the window's {@code PCD_PAY_REQKEY}
 * @param billingKey the window's {@code PCD_PAYER_ID}; null for an app card
 */
public record CertApproval(PayType payType, String orderId, String authKey, String requestKey, String billingKey) {

    /** Checks the required fields. */
    public CertApproval {
        Objects.requireNonNull(payType, "payType");
        Objects.requireNonNull(authKey, "authKey");
        Objects.requireNonNull(requestKey, "requestKey");
    }

    /**
     * Reads the fields the window posted to the partner's result URL.
     * @param fields the posted form fields
     */
    public static CertApproval fromWindowResult(Map<String, String> fields) {
        return new CertApproval(PayType.fromWire(fields.get(Fields.PAY_TYPE)), fields.get(Fields.PAY_OID),
                fields.get(Fields.AUTH_KEY_FIELD), fields.get(Fields.PAY_REQKEY),
                blankToNull(fields.get(Fields.PAYER_ID)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "CertApproval[payType=" + this.payType + ", orderId=" + this.orderId + "]";
    }

}
