package kr.gyeol.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import kr.gyeol.shared.ArmedPartners;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.WebhookEventId;
import kr.gyeol.webhook.jdbc.WebhookRepository.EventRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Webhook faults, armed by a test for its own test-mode partner: the next N events (of
 * one type, or any) are delayed, fail their first attempts, are delivered twice, or are
 * held back until a later event of the partner was delivered. A fault takes an event at
 * its first attempt, one event per use, in the order armed, under the row's lock; an
 * event is taken by one fault at most. The dispatcher asks only for partners with a fault
 * armed or an event not yet done with, read every second.
 */
@Repository
public class WebhookFaults {

    /** What a fault does with the events it takes. */
    public enum Kind {

        /** Its first attempt waits the fault's delay. */
        DELAY,
        /** Its first N attempts fail without a POST, retried as the schedule says. */
        FAIL,
        /** Delivered twice: the same id, body and signature, one POST after the other. */
        DUPLICATE,
        /**
         * Held back until a later event of the partner was delivered (or the fault's
         * delay passed), then sent.
         */
        OUT_OF_ORDER

    }

    /** How long an event held out of order waits for a later one when no delay is set. */
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

    /**
     * One armed fault.
     *
     * @param eventType the type of event it takes, or null for any
     * @param delay a DELAY's wait, a FAIL's wait between failed attempts (null: the retry
     * schedule's), an OUT_OF_ORDER's longest hold (null: {@link #DEFAULT_HOLD})
     * @param failures how many attempts a FAIL fails
     * @param remaining how many events it still takes
     */
    public record Fault(long id, PartnerId partnerId, Kind kind, EventType eventType, Duration delay, Integer failures,
            int armed, int remaining, Instant armedAt) {
    }

    /** What an armed fault does with an attempt. */
    sealed interface Effect {

        /** Sent as usual. */
        Effect NONE = new None();

        /** Sent as usual. */
        record None() implements Effect {
        }

        /** Not sent now, nor counted as an attempt: due again at {@code until}. */
        record Postpone(Instant until) implements Effect {
        }

        /**
         * Not sent: recorded as a failed attempt, due again after {@code retryAfter}
         * (null: the retry schedule's).
         */
        record Fail(String reason, Duration retryAfter) implements Effect {
        }

        /** Sent twice, one POST after the other. */
        record SendTwice() implements Effect {
        }

    }

    private final JdbcClient jdbc;

    private final Clock clock;

    private final ArmedPartners armedPartners = new ArmedPartners();

    WebhookFaults(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Reads which partners have a fault armed or an event not yet done with, so a fault
     * armed through another node is looked for here within a second.
     */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void refresh() {
        this.armedPartners.refreshed(this.jdbc.sql("""
                SELECT partner_id FROM test_webhook_faults WHERE remaining > 0
                UNION SELECT partner_id FROM test_webhook_fault_events WHERE open
                """).query(String.class).list());
    }

    /** Arms a fault for the partner's next {@code count} events (of one type, or any). */
    public Fault arm(PartnerId partnerId, Kind kind, EventType eventType, Duration delay, Integer failures, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A fault takes one event or more");
        }
        if ((kind == Kind.FAIL) != (failures != null)) {
            throw new IllegalArgumentException("A FAIL fault, and only it, fails a number of attempts");
        }
        Instant now = this.clock.instant();
        long id = this.jdbc.sql("""
                INSERT INTO test_webhook_faults (partner_id, kind, event_type, delay_ms, failures, armed, remaining,
                                                 armed_at)
                VALUES (:partnerId, :kind, :eventType, :delayMs, :failures, :count, :count, :now)
                RETURNING id
                """)
            .param("partnerId", partnerId.value())
            .param("kind", kind.name())
            .param("eventType", eventType == null ? null : eventType.name())
            .param("delayMs", delay == null ? null : delay.toMillis())
            .param("failures", failures)
            .param("count", count)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .query(Long.class)
            .single();
        this.armedPartners.armedHere(partnerId);
        return new Fault(id, partnerId, kind, eventType, delay, failures, count, count, now);
    }

    /** The partner's faults still armed, oldest first. */
    public List<Fault> armed(PartnerId partnerId) {
        return this.jdbc
            .sql("SELECT " + COLUMNS
                    + " FROM test_webhook_faults WHERE partner_id = :partnerId AND remaining > 0 ORDER BY id")
            .param("partnerId", partnerId.value())
            .query((row, n) -> fault(row))
            .list();
    }

    /**
     * Disarms every fault of the partner and sends its held events as usual; how many
     * faults were armed.
     */
    public int disarm(PartnerId partnerId) {
        this.jdbc.sql("""
                UPDATE webhook_events SET next_attempt_at = :now
                WHERE id IN (SELECT event_id FROM test_webhook_fault_events WHERE partner_id = :partnerId AND open)
                  AND status = 'PENDING' AND lease_token IS NULL AND next_attempt_at > :now
                """)
            .param("partnerId", partnerId.value())
            .param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
            .update();
        this.jdbc.sql("UPDATE test_webhook_fault_events SET open = false WHERE partner_id = :partnerId AND open")
            .param("partnerId", partnerId.value())
            .update();
        return this.jdbc
            .sql("UPDATE test_webhook_faults SET remaining = 0 WHERE partner_id = :partnerId AND remaining > 0")
            .param("partnerId", partnerId.value())
            .update();
    }

    /**
     * What the partner's faults do with this attempt of {@code event}: the fault that
     * took it before, or else, at its first attempt, the oldest armed fault that takes
     * it.
     */
    Effect effectFor(EventRow event) {
        if (!this.armedPartners.contains(event.partnerId())) {
            return Effect.NONE;
        }
        Optional<Taken> taken = takenBefore(event.id());
        if (taken.isPresent()) {
            return effectAgain(event, taken.get());
        }
        if (event.attempts() > 0) {
            return Effect.NONE;
        }
        return take(event).map((fault) -> firstEffect(event, fault)).orElse(Effect.NONE);
    }

    /** A fault that took an event, and whether it is done with it. */
    private record Taken(Fault fault, boolean open) {
    }

    private Optional<Taken> takenBefore(WebhookEventId eventId) {
        return this.jdbc
            .sql("SELECT e.open, " + prefixed("f")
                    + " FROM test_webhook_fault_events e JOIN test_webhook_faults f ON f.id = e.fault_id"
                    + " WHERE e.event_id = :eventId")
            .param("eventId", eventId.value())
            .query((row, n) -> new Taken(fault(row), row.getBoolean("open")))
            .optional();
    }

    private Optional<Fault> take(EventRow event) {
        return this.jdbc.sql("""
                WITH taken AS (
                    UPDATE test_webhook_faults SET remaining = remaining - 1 WHERE id = (
                        SELECT id FROM test_webhook_faults
                        WHERE partner_id = :partnerId AND remaining > 0 AND (event_type IS NULL OR event_type = :type)
                        ORDER BY id LIMIT 1 FOR UPDATE)
                    RETURNING *),
                kept AS (
                    INSERT INTO test_webhook_fault_events (event_id, fault_id, partner_id, open)
                    SELECT :eventId, id, partner_id, kind IN ('DELAY', 'OUT_OF_ORDER', 'DUPLICATE')
                                                     OR (kind = 'FAIL' AND failures > 1)
                    FROM taken
                    ON CONFLICT (event_id) DO NOTHING)
                """ + "SELECT " + COLUMNS + " FROM taken")
            .param("partnerId", event.partnerId().value())
            .param("type", event.type().name())
            .param("eventId", event.id().value())
            .query((row, n) -> fault(row))
            .optional();
    }

    private Effect firstEffect(EventRow event, Fault fault) {
        Instant now = this.clock.instant();
        return switch (fault.kind()) {
            case DELAY -> new Effect.Postpone(now.plus(fault.delay()));
            case FAIL -> new Effect.Fail(failure(1, fault), fault.delay());
            case DUPLICATE -> new Effect.SendTwice();
            case OUT_OF_ORDER -> new Effect.Postpone(now.plus(fault.delay() == null ? DEFAULT_HOLD : fault.delay()));
        };
    }

    private Effect effectAgain(EventRow event, Taken taken) {
        if (!taken.open()) {
            return Effect.NONE;
        }
        Fault fault = taken.fault();
        return switch (fault.kind()) {
            case FAIL -> {
                int number = event.attempts() + 1;
                if (number >= fault.failures()) {
                    close(event.id());
                }
                yield number <= fault.failures() ? new Effect.Fail(failure(number, fault), fault.delay()) : Effect.NONE;
            }
            case DUPLICATE -> new Effect.SendTwice();
            // Its delay is over, or it was released by a later event's delivery, or its
            // hold ran out, or the fault was disarmed: sent now.
            case DELAY, OUT_OF_ORDER -> {
                close(event.id());
                yield Effect.NONE;
            }
        };
    }

    private static String failure(int number, Fault fault) {
        return "test fault: failure " + number + " of " + fault.failures();
    }

    /**
     * The fault is done with the event (a duplicate was sent, a failure was the last).
     */
    void close(WebhookEventId eventId) {
        this.jdbc.sql("UPDATE test_webhook_fault_events SET open = false WHERE event_id = :eventId AND open")
            .param("eventId", eventId.value())
            .update();
    }

    /**
     * An event of the partner was delivered: its events held out of order before it are
     * due now.
     */
    void delivered(EventRow event) {
        if (!this.armedPartners.contains(event.partnerId())) {
            return;
        }
        this.jdbc.sql("""
                UPDATE webhook_events SET next_attempt_at = :now
                WHERE id IN (SELECT e.event_id FROM test_webhook_fault_events e
                             JOIN test_webhook_faults f ON f.id = e.fault_id
                             WHERE e.partner_id = :partnerId AND e.open AND f.kind = 'OUT_OF_ORDER'
                               AND e.event_id <> :eventId)
                  AND status = 'PENDING' AND lease_token IS NULL AND next_attempt_at > :now
                """)
            .param("partnerId", event.partnerId().value())
            .param("eventId", event.id().value())
            .param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
            .update();
    }

    private static final String COLUMNS = "id, partner_id, kind, event_type, delay_ms, failures, armed, remaining,"
            + " armed_at";

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(",\\s*"))
            .map((column) -> alias + "." + column)
            .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Fault fault(ResultSet row) throws SQLException {
        String type = row.getString("event_type");
        long delay = row.getLong("delay_ms");
        Duration delayOrNull = row.wasNull() ? null : Duration.ofMillis(delay);
        int failures = row.getInt("failures");
        Integer failuresOrNull = row.wasNull() ? null : failures;
        return new Fault(row.getLong("id"), PartnerId.of(row.getString("partner_id")),
                Kind.valueOf(row.getString("kind")), type == null ? null : EventType.valueOf(type), delayOrNull,
                failuresOrNull, row.getInt("armed"), row.getInt("remaining"), row.getTimestamp("armed_at").toInstant());
    }

}
