package kr.gyeol.shared;

/**
 * A refund's own id, Gyeol's. Never blank; {@link #toString()} is the id itself, so it
 * reads in logs, messages and URLs as the string it stands for.
 */
public record RefundId(String value) {

    public RefundId {
        Ids.requireId(value, "RefundId");
    }

    public static RefundId of(String value) {
        return new RefundId(value);
    }

    /** An id that may be absent: null stays null. */
    public static RefundId ofNullable(String value) {
        return value == null ? null : new RefundId(value);
    }

    /** The id of one that may be absent, for a nullable column or field. */
    public static String valueOf(RefundId id) {
        return id == null ? null : id.value();
    }

    @Override
    public String toString() {
        return value;
    }

}
