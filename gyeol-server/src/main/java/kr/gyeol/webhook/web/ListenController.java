package kr.gyeol.webhook.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.WebhookEventId;
import kr.gyeol.web.JsonApi;
import kr.gyeol.web.JsonApiProblems;
import kr.gyeol.webhook.WebhookDispatcher;
import kr.gyeol.webhook.jdbc.WebhookRepository;
import kr.gyeol.webhook.jdbc.WebhookRepository.EventRow;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner's webhook events for a listener that forwards them itself over one outgoing
 * connection ({@code gyeol listen}), where the gateway cannot reach the receiver: each
 * event as its receiver gets it, signed, in order after a cursor, waited for (long
 * polling); and the listener's word that its receiver answered 2xx, which delivers the
 * event.
 */
@RestController
@JsonApi
class ListenController {

    /** The longest a poll waits for an event. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(25);

    /** The cursor that means "from the partner's first event". */
    static final String FROM_THE_START = "^";

    private static final int BATCH = 20;

    private final WebhookRepository repository;

    private final WebhookDispatcher dispatcher;

    ListenController(WebhookRepository repository, WebhookDispatcher dispatcher) {
        this.repository = repository;
        this.dispatcher = dispatcher;
    }

    /**
     * An event to forward.
     *
     * @param headers {@code webhook-id}, {@code webhook-timestamp} and
     * {@code webhook-signature}, as a delivery has them
     */
    record ListenedEvent(String id, String type, String contentType, String body, Map<String, String> headers) {
    }

    /**
     * Events after the cursor, and the cursor after them.
     *
     * @param cursor what to poll after next: the last event returned, or the one given
     */
    record Listened(List<ListenedEvent> events, String cursor) {
    }

    /**
     * The partner's events after {@code after}, oldest first, waiting up to {@code wait}
     * seconds for one. Without {@code after}, none and the cursor to start from now (the
     * newest event, or {@code ^} when there is none yet); {@code after=^} starts from the
     * partner's first event.
     */
    @GetMapping("/v1/listen")
    ResponseEntity<?> listen(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "0") int wait)
            throws InterruptedException {
        if (after == null || after.isBlank()) {
            return ResponseEntity.ok(new Listened(List.of(),
                    this.repository.newestEvent(partner).map(WebhookEventId::value).orElse(FROM_THE_START)));
        }
        if (wait < 0 || wait > LONGEST_WAIT.toSeconds()) {
            return JsonApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-wait",
                    "wait is 0 to " + LONGEST_WAIT.toSeconds() + " seconds.");
        }
        boolean fromTheStart = FROM_THE_START.equals(after);
        if (!fromTheStart && eventOf(partner, after).isEmpty()) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "no-such-event",
                    "after is none of this partner's events.");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(wait).toNanos();
        while (true) {
            List<EventRow> rows = fromTheStart ? this.repository.eventsFromStart(partner, BATCH)
                    : this.repository.eventsAfter(partner, WebhookEventId.of(after), BATCH);
            if (!rows.isEmpty()) {
                List<ListenedEvent> events = new ArrayList<>();
                for (EventRow row : rows) {
                    // An event whose subject is gone, or whose partner has no secret
                    // this node can open, cannot be signed: it is passed over.
                    Optional<WebhookDispatcher.Prepared> prepared = this.dispatcher.prepared(row);
                    prepared.ifPresent((event) -> events.add(new ListenedEvent(event.id().value(), event.type().name(),
                            event.contentType(), event.body(), new LinkedHashMap<>(event.headers()))));
                }
                return ResponseEntity.ok(new Listened(events, rows.get(rows.size() - 1).id().value()));
            }
            if (System.nanoTime() >= deadline) {
                return ResponseEntity.ok(new Listened(List.of(), after));
            }
            Thread.sleep(250);
        }
    }

    /** The partner's event of this id; empty for none, or for what is no event id. */
    private Optional<EventRow> eventOf(PartnerId partner, String id) {
        try {
            return this.repository.event(partner, WebhookEventId.of(id));
        }
        catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * What the listener's receiver answered.
     *
     * @param status its HTTP status, 2xx
     * @param url where the listener forwarded it
     */
    record Forwarded(Integer status, Long latencyMs, String url) {
    }

    /** The listener's receiver answered 2xx: the event is delivered. */
    @PostMapping("/v1/listen/{id}/delivered")
    ResponseEntity<?> delivered(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id,
            @RequestBody(required = false) Forwarded forwarded) {
        Optional<EventRow> event = eventOf(partner, id);
        if (event.isEmpty()) {
            return JsonApiProblems.problem(HttpStatus.NOT_FOUND, "no-such-event", "No such event of this partner.");
        }
        if (forwarded == null || forwarded.status() == null || forwarded.status() < 200 || forwarded.status() >= 300
                || forwarded.url() == null || forwarded.url().isBlank() || forwarded.url().length() > 2000) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-delivery",
                    "status is the receiver's 2xx and url where it was forwarded.");
        }
        boolean recorded = this.dispatcher.deliveredByListener(event.get(), "listen: " + forwarded.url(),
                forwarded.status(), forwarded.latencyMs() == null ? 0 : Math.max(0, forwarded.latencyMs()));
        return ResponseEntity.ok(Map.of("recorded", recorded));
    }

}
