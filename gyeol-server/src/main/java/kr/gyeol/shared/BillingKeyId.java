package kr.gyeol.shared;

/**
 * A billing key: the {@code PCD_PAYER_ID} a partner charges. Never blank;
 * {@link #toString()} is the id itself, so it reads in logs and messages as the string it
 * stands for.
 */
public record BillingKeyId(String value) {

    public BillingKeyId {
        Ids.requireId(value, "BillingKeyId");
    }

    public static BillingKeyId of(String value) {
        return new BillingKeyId(value);
    }

    /** For a payment without a key (an app-card charge): null stays null. */
    public static BillingKeyId ofNullable(String value) {
        return value == null ? null : new BillingKeyId(value);
    }

    /** The id of a key that may be absent, for a nullable column. */
    public static String valueOf(BillingKeyId id) {
        return id == null ? null : id.value();
    }

    @Override
    public String toString() {
        return value;
    }

}
