package kr.gyeol.window;

import kr.gyeol.payment.ChargeRejected;

/** A CERT confirmation that cannot be carried out. */
public final class ConfirmationRefused extends RuntimeException {

    /** Why. */
    public enum Reason {

        /** Unknown, already confirmed, or past its lifetime. */
        REQUEST_NOT_FOUND,
        /** {@code PCD_PAYER_ID} is not the card authenticated in the window. */
        BILLING_KEY_MISMATCH,
        /** The charge itself was refused; see {@link #chargeReason()}. */
        CHARGE_REFUSED

    }

    private final Reason reason;

    private final ChargeRejected.Reason chargeReason;

    public ConfirmationRefused(Reason reason) {
        this(reason, null);
    }

    public ConfirmationRefused(Reason reason, ChargeRejected.Reason chargeReason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.chargeReason = chargeReason;
    }

    public Reason reason() {
        return this.reason;
    }

    public ChargeRejected.Reason chargeReason() {
        return this.chargeReason;
    }

}
