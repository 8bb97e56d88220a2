package kr.gyeol.client;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kr.gyeol.protocol.Fields;

/**
 * What the payment window posted to the partner's result URL (spec §3.4).
 *
 * @param result {@code success}, {@code error} or {@code close}
 * @param code the result code, e.g. {@code CPCA0000}
 * @param message the result message
 * @param payType card or account, or null when the window did not say
 * @param work {@code AUTH}, {@code CERT} or {@code PAY}, or null
 * @param orderId the order id, or null
 * @param billingKey the billing key the window registered or charged, or null (an app
 * card, a failure)
 * @param paidAt when the window's work was done, Korean time, or null
 * @param passwordRegistered whether the window registered the key with a payment
 * password, for password re-payments
 * @param fields every posted field, as posted, in name order
 */
public record WindowResult(String result, String code, String message, PayType payType, String work, String orderId,
        String billingKey, LocalDateTime paidAt, boolean passwordRegistered, Map<String, String> fields) {

    /** Keeps an unmodifiable copy of the fields. */
    public WindowResult {
        fields = Map.copyOf(fields);
    }

    /**
     * Reads the posted fields; a {@code PCD_PAY_TYPE} the client does not know is read as
     * none.
     * @param posted the form fields the window posted
     */
    public static WindowResult fromPost(Map<String, String> posted) {
        Map<String, String> fields = new TreeMap<>(posted);
        String work = WireText.blankToNull(fields.get(Fields.PAY_WORK));
        return new WindowResult(WireText.blankToNull(fields.get(Fields.PAY_RST)),
                WireText.blankToNull(fields.get(Fields.PAY_CODE)), WireText.blankToNull(fields.get(Fields.PAY_MSG)),
                PayType.fromWireOrNull(fields.get(Fields.PAY_TYPE)), work,
                WireText.blankToNull(fields.get(Fields.PAY_OID)), WireText.blankToNull(fields.get(Fields.PAYER_ID)),
                WireText.time(fields.get(Fields.PAY_TIME)),
                "Y".equalsIgnoreCase(fields.get(Fields.SIMPLE_FLAG)) && "AUTH".equalsIgnoreCase(work), fields);
    }

    /** Whether the window did its work. */
    public boolean success() {
        return "success".equals(this.result);
    }

    /**
     * The final approval a successful CERT window waits for, to pass to
     * {@link Payments#confirm}; empty for any other result.
     */
    public Optional<CertApproval> certApproval() {
        if (!success() || this.payType == null || WireText.blankToNull(this.fields.get(Fields.PAY_REQKEY)) == null
                || WireText.blankToNull(this.fields.get(Fields.AUTH_KEY_FIELD)) == null) {
            return Optional.empty();
        }
        return Optional.of(CertApproval.fromWindowResult(this.fields));
    }

    @Override
    public String toString() {
        return "WindowResult[result=" + this.result + ", code=" + this.code + ", work=" + this.work + ", orderId="
                + this.orderId + "]";
    }

}
