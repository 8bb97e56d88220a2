package kr.gyeol.shared;

/**
 * A subscription's id (`sub_…`). Never blank; {@link #toString()} is the id itself, so it
 * reads in logs, messages and URLs as the string it stands for.
 */
public record SubscriptionId(String value) {

    public SubscriptionId {
        Ids.requireId(value, "SubscriptionId");
    }

    public static SubscriptionId of(String value) {
        return new SubscriptionId(value);
    }

    /** An id that may be absent: null stays null. */
    public static SubscriptionId ofNullable(String value) {
        return value == null ? null : new SubscriptionId(value);
    }

    /** The id of one that may be absent, for a nullable column or field. */
    public static String valueOf(SubscriptionId id) {
        return id == null ? null : id.value();
    }

    @Override
    public String toString() {
        return value;
    }

}
