package kr.gyeol.protocol;

/**
 * Result codes of the overseas card API (gpay, spec §2.7, §5), with their literal
 * messages. Gyeol's own codes, where Payple's table is not public, are marked
 * undocumented.
 */
public enum GpayCode {

    T0000("Process Success", true), T0200("Authentication Request Denied - service_id value does not exist.", true),
    T0201("Authentication Request Denied - service_key value does not exist.", true),
    T0210("Authentication Request Denied - code value does not exist.", true),
    T0211("Authentication Request Denied - code value is English letters + Numbers 10 digits", true),
    T0300("Authentication Request Denied - User Mismatched", true),
    T0310("Authentication Request Denied - Not Registered WHITE IP.", true), T0320("Token User Mismatched - T/B", true),
    T0322("Not Registered Partner service_id.", true),
    /** Gyeol's: the bearer token is missing, unknown or past its 600 seconds. */
    T0330("Token Expired or Invalid", false), A0000("처리 성공", true),
    /** Gyeol's: a required field is missing or malformed. */
    A0201("Invalid Request - check service_id, comments, totalAmount, currency and resultUrl", false),
    /** Gyeol's: the service_oid was used before. */
    A0202("Duplicated service_oid", false),
    /** Gyeol's: no such active billing key. */
    A0203("Billing key does not exist", false),
    /** Gyeol's: no such payment. */
    A0204("Payment does not exist", false),
    /** Gyeol's: a cancel in another currency than the payment's. */
    A0205("Currency does not match the payment", false),
    /** Gyeol's: a cancel above what remains of the payment. */
    A0206("Cancel amount exceeds the remaining amount", false),
    /** Gyeol's: the card company declined; the message carries its reason. */
    A0301("Card Declined", false),
    /** Gyeol's: the card number or expiry is invalid. */
    A0302("Invalid Card Information", false),
    /** Gyeol's: the card company did not answer; look the payment up later. */
    A0303("Payment Result Unknown", false);

    private final String message;

    private final boolean documented;

    GpayCode(String message, boolean documented) {
        this.message = message;
        this.documented = documented;
    }

    public String message() {
        return this.message;
    }

    public boolean documented() {
        return this.documented;
    }

}
