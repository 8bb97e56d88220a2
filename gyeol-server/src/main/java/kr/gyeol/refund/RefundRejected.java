package kr.gyeol.refund;

/** A refund refused before anything was sent to the network. */
public final class RefundRejected extends RuntimeException {

    /** Why. */
    public enum Reason {

        WRONG_REFUND_KEY, INVALID_AMOUNT, PAYMENT_NOT_FOUND, CURRENCY_MISMATCH, EXCEEDS_BALANCE, NETWORK_REFUSED

    }

    private final Reason reason;

    public RefundRejected(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

}
