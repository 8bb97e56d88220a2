package kr.gyeol.gpay;

/**
 * A gpay token request, or a call's token, refused; the edge answers each reason with the
 * API's result code.
 */
public final class GpayRefused extends RuntimeException {

    /** Why, in the order the API checks a token request. */
    public enum Reason {

        /** No {@code service_id}. */
        SERVICE_ID_MISSING,
        /** No {@code service_key}. */
        SERVICE_KEY_MISSING,
        /** No {@code code}. */
        CODE_MISSING,
        /** A {@code code} that is not 10 letters and digits. */
        CODE_MALFORMED,
        /** An unknown service id, or a key that is not the service's. */
        WRONG_CREDENTIALS,
        /** A domestic partner that is not enrolled for overseas payments. */
        NOT_ENROLLED,
        /** A live partner calling from an address it did not register. */
        ADDRESS_NOT_ALLOWED,
        /** A call's token of another service id. */
        OTHER_SERVICE,
        /** A call without a token, or with an unknown or expired one. */
        TOKEN_INVALID,
        /** Too many wrong keys for the service from this address, within the window. */
        LOCKED_OUT

    }

    private final Reason reason;

    public GpayRefused(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }

}
