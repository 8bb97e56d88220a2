package kr.gyeol.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The partner's webhook events for a listener that forwards them itself
 * ({@code /v1/listen}, not part of Payple's API): in order after a cursor, each signed as
 * a delivery is, and the listener's word that its receiver answered 2xx.
 */
public final class Listener {

    /** The cursor that means "from the partner's first event". */
    public static final String FROM_THE_START = "^";

    private final JsonApi api;

    Listener(JsonApi api) {
        this.api = api;
    }

    /**
     * An event to forward.
     *
     * @param headers {@code webhook-id}, {@code webhook-timestamp},
     * {@code webhook-signature}
     */
    public record Event(String id, String type, String contentType, String body, Map<String, String> headers) {
    }

    /** Events after a cursor, and the cursor to poll after next. */
    public record Batch(List<Event> events, String cursor) {
    }

    /**
     * The cursor to start from now: the partner's newest event, or
     * {@link #FROM_THE_START}.
     */
    public String cursorNow() {
        return this.api.get("/v1/listen", Batch.class).cursor();
    }

    /**
     * The events after {@code cursor}, waiting up to {@code waitSeconds} (0 to 25) for
     * one.
     */
    public Batch after(String cursor, int waitSeconds) {
        return this.api.get(
                "/v1/listen?after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "&wait=" + waitSeconds,
                Batch.class);
    }

    /**
     * The listener's receiver at {@code url} answered {@code status} (2xx): delivered.
     */
    public void delivered(String eventId, int status, long latencyMs, String url) {
        this.api.send("POST", "/v1/listen/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8) + "/delivered",
                Map.of("status", status, "latencyMs", latencyMs, "url", url), Map.class);
    }

}
