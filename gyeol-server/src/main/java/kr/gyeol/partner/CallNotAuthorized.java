package kr.gyeol.partner;

/** An operation call whose AuthKey or credentials do not hold. */
public final class CallNotAuthorized extends RuntimeException {

    /** Why the call was refused. */
    public enum Reason {

        /** No such key, expired, or already used. */
        SESSION_EXPIRED,
        /** The key was issued for another operation. */
        WRONG_OPERATION,
        /** {@code PCD_CST_ID} is neither the session's token nor the partner id. */
        WRONG_PARTNER_ID,
        /**
         * {@code PCD_CUST_KEY} is neither the session's token nor the partner's secret.
         */
        WRONG_SECRET,
        /** Strict Referer checking is on and the caller's host is not registered. */
        DOMAIN_NOT_REGISTERED

    }

    private final Reason reason;

    public CallNotAuthorized(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

}
