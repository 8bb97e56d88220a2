package kr.gyeol.shared;

/**
 * An invoice's id: one billing period of a subscription. Never blank; {@link #toString()}
 * is the id itself, so it reads in logs, messages and URLs as the string it stands for.
 */
public record InvoiceId(String value) {

    public InvoiceId {
        Ids.requireId(value, "InvoiceId");
    }

    public static InvoiceId of(String value) {
        return new InvoiceId(value);
    }

    /** An id that may be absent: null stays null. */
    public static InvoiceId ofNullable(String value) {
        return value == null ? null : new InvoiceId(value);
    }

    /** The id of one that may be absent, for a nullable column or field. */
    public static String valueOf(InvoiceId id) {
        return id == null ? null : id.value();
    }

    @Override
    public String toString() {
        return value;
    }

}
