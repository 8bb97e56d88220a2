package kr.gyeol.payment;

/** A cash receipt request that cannot be carried out. */
public final class CashReceiptRejected extends RuntimeException {

    /** Why. */
    public enum Reason {

        PAYMENT_NOT_FOUND, NOT_AN_ACCOUNT_PAYMENT, BILLING_KEY_MISMATCH, ALREADY_ISSUED, INVALID_AMOUNT, NONE_ISSUED

    }

    private final Reason reason;

    public CashReceiptRejected(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }

}
