package kr.gyeol.shared;

/**
 * A partner's order id ({@code PCD_PAY_OID}), unique per partner and API. Never blank;
 * {@link #toString()} is the id itself, so it reads in logs and messages as the string it
 * stands for.
 */
public record OrderId(String value) {

    public OrderId {
        Ids.requireId(value, "OrderId");
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    /** An order id the caller may leave out, for Gyeol to make one: null stays null. */
    public static OrderId ofNullable(String value) {
        return value == null ? null : new OrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }

}
