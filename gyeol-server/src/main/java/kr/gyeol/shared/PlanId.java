package kr.gyeol.shared;

/**
 * A plan's id: what a subscription is billed for. Never blank; {@link #toString()} is the
 * id itself, so it reads in logs, messages and URLs as the string it stands for.
 */
public record PlanId(String value) {

    public PlanId {
        Ids.requireId(value, "PlanId");
    }

    public static PlanId of(String value) {
        return new PlanId(value);
    }

    /** An id that may be absent: null stays null. */
    public static PlanId ofNullable(String value) {
        return value == null ? null : new PlanId(value);
    }

    /** The id of one that may be absent, for a nullable column or field. */
    public static String valueOf(PlanId id) {
        return id == null ? null : id.value();
    }

    @Override
    public String toString() {
        return value;
    }

}
