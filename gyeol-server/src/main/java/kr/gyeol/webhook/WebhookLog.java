package kr.gyeol.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kr.gyeol.shared.WebhookEventId;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.webhook.jdbc.WebhookRepository;
import kr.gyeol.webhook.jdbc.WebhookRepository.AttemptRow;
import kr.gyeol.webhook.jdbc.WebhookRepository.EventRow;

import org.springframework.stereotype.Service;

/** A partner's events with their delivery attempts, and replay. */
@Service
public class WebhookLog {

    /** An event and its attempts, oldest first. */
    public record Entry(EventRow event, List<AttemptRow> attempts) {
    }

    private final WebhookRepository repository;

    private final Clock clock;

    WebhookLog(WebhookRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The partner's latest events, newest first. */
    public List<Entry> latest(PartnerId partnerId, int limit) {
        return withAttempts(this.repository.events(partnerId, limit));
    }

    /** The partner's latest events with their attempts, newest first. */
    public List<WebhookHistory> history(PartnerId partnerId, int limit) {
        return latest(partnerId, limit).stream().map(WebhookHistory::of).toList();
    }

    /**
     * A page of the partner's events with their attempts, newest first, narrowed to a
     * status, a type and the events about some subjects (a payment and its refunds) when
     * these are given.
     */
    public List<WebhookHistory> search(PartnerId partnerId, WebhookStatus status, EventType type,
            List<String> subjectIds, int limit, int offset) {
        return withAttempts(this.repository.search(partnerId, status == null ? null : status.name(),
                type == null ? null : type.name(), subjectIds, limit, offset))
            .stream()
            .map(WebhookHistory::of)
            .toList();
    }

    /**
     * The partner's events about the given subjects (a payment and its refunds), oldest
     * first.
     */
    public List<WebhookHistory> historyAbout(PartnerId partnerId, List<String> subjectIds) {
        return withAttempts(this.repository.eventsAbout(partnerId, subjectIds)).stream()
            .map(WebhookHistory::of)
            .toList();
    }

    private List<Entry> withAttempts(List<EventRow> events) {
        Map<WebhookEventId, List<AttemptRow>> attempts = this.repository
            .attempts(events.stream().map(EventRow::id).toList())
            .stream()
            .collect(Collectors.groupingBy(AttemptRow::eventId));
        return events.stream().map((event) -> new Entry(event, attempts.getOrDefault(event.id(), List.of()))).toList();
    }

    /**
     * Sends an event again, now, with the body it was first sent with; false when the
     * partner has no such event.
     */
    public boolean replay(PartnerId partnerId, WebhookEventId eventId) {
        return this.repository.replay(partnerId, eventId, this.clock.instant());
    }

}
