package kr.gyeol.webhook;

import java.time.Instant;
import java.util.List;

import kr.gyeol.shared.EventType;
import kr.gyeol.shared.WebhookEventId;

/**
 * A webhook event as a person reads it in the console: what it was, where it stands, and
 * every attempt to deliver it, oldest first.
 */
public record WebhookHistory(WebhookEventId id, EventType type, WebhookStatus status, Instant createdAt,
        List<Attempt> attempts) {

    /**
     * One POST: the receiver's HTTP status, or the error that stood for it.
     */
    public record Attempt(int number, Instant attemptedAt, Integer statusCode, String error, long latencyMillis) {
    }

    static WebhookHistory of(WebhookLog.Entry entry) {
        return new WebhookHistory(entry.event().id(), entry.event().type(), entry.event().status(),
                entry.event().createdAt(),
                entry.attempts()
                    .stream()
                    .map((attempt) -> new Attempt(attempt.number(), attempt.attemptedAt(), attempt.statusCode(),
                            attempt.error(), attempt.latencyMillis()))
                    .toList());
    }

}
