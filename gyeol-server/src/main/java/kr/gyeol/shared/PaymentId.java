package kr.gyeol.shared;

/**
 * A payment's own id, Gyeol's, never shown to the network. Never blank;
 * {@link #toString()} is the id itself, so it reads in logs and messages as the string it
 * stands for.
 */
public record PaymentId(String value) {

    public PaymentId {
        Ids.requireId(value, "PaymentId");
    }

    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    /** A payment id the caller may leave out: null stays null. */
    public static PaymentId ofNullable(String value) {
        return value == null ? null : new PaymentId(value);
    }

    @Override
    public String toString() {
        return value;
    }

}
