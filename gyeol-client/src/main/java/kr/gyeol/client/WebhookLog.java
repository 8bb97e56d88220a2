package kr.gyeol.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The partner's webhook events on Gyeol ({@code /admin/webhooks/events}, not part of
 * Payple's API): the latest ones with every delivery attempt, and delivering one again.
 */
public final class WebhookLog {

    private final JsonApi api;

    WebhookLog(JsonApi api) {
        this.api = api;
    }

    /**
     * One delivery attempt.
     *
     * @param statusCode the receiver's HTTP status, or null when none came
     * @param error why the attempt failed without a status, or null
     */
    public record Attempt(int number, String url, String at, Integer statusCode, long latencyMs, String error,
            boolean delivered) {
    }

    /**
     * One event.
     *
     * @param type {@code PAYMENT}, {@code CANCEL}, {@code BILLING_KEY_REGISTERED}, …
     * @param subject the id of what it reports (a payment, a refund, a billing key, …)
     * @param status {@code PENDING}, {@code DELIVERED} or {@code FAILED}
     * @param body the body as sent (null before its first attempt)
     */
    public record Event(String id, String type, String subject, String status, String createdAt, String deliveredAt,
            int attempts, String nextAttemptAt, String body, List<Attempt> deliveries) {
    }

    record Events(List<Event> events) {
    }

    /** The partner's latest events, newest first: at most {@code limit} (1 to 500). */
    public List<Event> latest(int limit) {
        return this.api.get("/admin/webhooks/events?limit=" + limit, Events.class).events();
    }

    /** Delivers an event again, with its first body, id and signature scheme. */
    public void resend(String eventId) {
        this.api.send("POST",
                "/admin/webhooks/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8) + "/replay", null,
                Map.class);
    }

}
