package kr.gyeol.payment;

/** A charge refused before any money moved. */
public final class ChargeRejected extends RuntimeException {

    /** Why. */
    public enum Reason {

        BILLING_KEY_NOT_FOUND, BILLING_KEY_REVOKED, BILLING_KEY_OF_OTHER_TYPE, AMOUNT_BELOW_MINIMUM, GOODS_MISSING,
        VAT_ABOVE_AMOUNT, DUPLICATE_ORDER_ID, ALREADY_CHARGED_THIS_MONTH

    }

    private final Reason reason;

    public ChargeRejected(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

}
