package kr.gyeol.shared;

/**
 * A webhook event's id, the same in every delivery of it (the receivers' dedup key).
 * Never blank; {@link #toString()} is the id itself, so it reads in logs, messages and
 * URLs as the string it stands for.
 */
public record WebhookEventId(String value) {

    public WebhookEventId {
        Ids.requireId(value, "WebhookEventId");
    }

    public static WebhookEventId of(String value) {
        return new WebhookEventId(value);
    }

    /** An id that may be absent: null stays null. */
    public static WebhookEventId ofNullable(String value) {
        return value == null ? null : new WebhookEventId(value);
    }

    /** The id of one that may be absent, for a nullable column or field. */
    public static String valueOf(WebhookEventId id) {
        return id == null ? null : id.value();
    }

    @Override
    public String toString() {
        return value;
    }

}
