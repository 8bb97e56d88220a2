package kr.gyeol.webhook.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kr.gyeol.shared.EventType;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.WebhookEventId;
import kr.gyeol.webhook.WebhookFormat;
import kr.gyeol.webhook.WebhookStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code webhook_endpoints}, {@code webhook_events} and {@code webhook_attempts}.
 */
@Repository
public class WebhookRepository {

    /**
     * An endpoint row; the secret still sealed.
     *
     * @param previous the secret a rotation replaced, with the time it stops signing, or
     * null
     */
    public record EndpointRow(PartnerId partnerId, String resultUrl, String revocationUrl, WebhookFormat format,
            String secretKeyId, byte[] secretCiphertext, PreviousSecret previous) {

        public EndpointRow(PartnerId partnerId, String resultUrl, String revocationUrl, WebhookFormat format,
                String secretKeyId, byte[] secretCiphertext) {
            this(partnerId, resultUrl, revocationUrl, format, secretKeyId, secretCiphertext, null);
        }

    }

    /**
     * A rotated secret, sealed, that signs beside the current one until {@code until}.
     */
    public record PreviousSecret(String keyId, byte[] ciphertext, Instant until) {
    }

    /** An event row. */
    public record EventRow(WebhookEventId id, PartnerId partnerId, EventType type, String subjectId,
            WebhookStatus status, String body, String contentType, int attempts, Instant nextAttemptAt,
            Instant createdAt, Instant deliveredAt) {
    }

    /** One delivery attempt. */
    public record AttemptRow(WebhookEventId eventId, int number, String url, Instant attemptedAt, Integer statusCode,
            long latencyMillis, String error, boolean delivered) {
    }

    private static final String EVENT_COLUMNS = """
            id, partner_id, type, subject_id, status, body, content_type, attempts, next_attempt_at, created_at,
            delivered_at""";

    private final JdbcClient jdbc;

    public WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EndpointRow> endpoint(PartnerId partnerId) {
        return this.jdbc.sql("""
                SELECT partner_id, result_url, revocation_url, format, secret_key_id, secret_ciphertext,
                       previous_secret_key_id, previous_secret_ciphertext, previous_secret_until
                FROM webhook_endpoints WHERE partner_id = :partnerId
                """).param("partnerId", partnerId.value()).query((row, n) -> {
            Timestamp until = row.getTimestamp("previous_secret_until");
            PreviousSecret previous = until == null ? null : new PreviousSecret(row.getString("previous_secret_key_id"),
                    row.getBytes("previous_secret_ciphertext"), until.toInstant());
            return new EndpointRow(PartnerId.of(row.getString("partner_id")), row.getString("result_url"),
                    row.getString("revocation_url"), WebhookFormat.valueOf(row.getString("format")),
                    row.getString("secret_key_id"), row.getBytes("secret_ciphertext"), previous);
        }).optional();
    }

    /**
     * Replaces the signing secret, keeping the one it replaces signing until
     * {@code previousUntil} (null: not at all).
     */
    public void rotateSecret(PartnerId partnerId, String keyId, byte[] ciphertext, Instant previousUntil, Instant now) {
        // The secret replaced moves, still sealed as it was, into the previous columns:
        // the
        // right-hand sides read the row as it was before this update.
        this.jdbc.sql("""
                UPDATE webhook_endpoints SET
                    previous_secret_key_id = CASE WHEN CAST(:previousUntil AS TIMESTAMPTZ) IS NULL THEN NULL
                                                  ELSE secret_key_id END,
                    previous_secret_ciphertext = CASE WHEN CAST(:previousUntil AS TIMESTAMPTZ) IS NULL THEN NULL
                                                      ELSE secret_ciphertext END,
                    previous_secret_until = :previousUntil,
                    secret_key_id = :keyId, secret_ciphertext = :ciphertext, updated_at = :now
                WHERE partner_id = :partnerId
                """)
            .param("keyId", keyId)
            .param("ciphertext", ciphertext)
            .param("previousUntil", previousUntil == null ? null : utc(previousUntil))
            .param("now", utc(now))
            .param("partnerId", partnerId.value())
            .update();
    }

    public void saveEndpoint(EndpointRow endpoint, Instant now) {
        this.jdbc.sql("""
                INSERT INTO webhook_endpoints (partner_id, result_url, revocation_url, format, secret_key_id,
                                               secret_ciphertext, updated_at)
                VALUES (:partnerId, :resultUrl, :revocationUrl, :format, :keyId, :ciphertext, :now)
                ON CONFLICT (partner_id) DO UPDATE SET result_url = EXCLUDED.result_url,
                    revocation_url = EXCLUDED.revocation_url, format = EXCLUDED.format,
                    secret_key_id = EXCLUDED.secret_key_id, secret_ciphertext = EXCLUDED.secret_ciphertext,
                    updated_at = EXCLUDED.updated_at
                """)
            .param("partnerId", endpoint.partnerId().value())
            .param("resultUrl", endpoint.resultUrl())
            .param("revocationUrl", endpoint.revocationUrl())
            .param("format", endpoint.format().name())
            .param("keyId", endpoint.secretKeyId())
            .param("ciphertext", endpoint.secretCiphertext())
            .param("now", utc(now))
            .update();
    }

    /**
     * Writes an event if the partner has a receiver for its kind; one statement, so it
     * joins the caller's transaction and sees the endpoint as that transaction does.
     * Returns whether it was written.
     */
    public boolean insertEventIfReceived(WebhookEventId id, PartnerId partnerId, EventType type, String subjectId,
            Instant now) {
        String urlColumn = type.receiver() == EventType.Receiver.RESULT ? "result_url" : "revocation_url";
        return this.jdbc.sql("INSERT INTO webhook_events (id, partner_id, type, subject_id, status, attempts,"
                + " next_attempt_at, created_at) SELECT :id, partner_id, :type, :subjectId, 'PENDING', 0, :now, :now"
                + " FROM webhook_endpoints WHERE partner_id = :partnerId AND " + urlColumn + " IS NOT NULL")
            .param("id", id.value())
            .param("type", type.name())
            .param("subjectId", subjectId)
            .param("now", utc(now))
            .param("partnerId", partnerId.value())
            .update() == 1;
    }

    /** Events waiting to be delivered, and when the oldest of them was written. */
    public record Backlog(long pending, Instant oldest) {
    }

    public Backlog backlog() {
        return this.jdbc
            .sql("SELECT count(*) AS pending, min(created_at) AS oldest FROM webhook_events"
                    + " WHERE status = 'PENDING'")
            .query((row, n) -> {
                Timestamp oldest = row.getTimestamp("oldest");
                return new Backlog(row.getLong("pending"), oldest == null ? null : oldest.toInstant());
            })
            .single();
    }

    /**
     * Claims due events of partners other than {@code busyPartners}, leasing them until
     * {@code leaseUntil} under {@code token}, so no other node attempts them meanwhile.
     */
    public List<EventRow> claimDue(Instant now, Instant leaseUntil, int limit, String token,
            java.util.Collection<PartnerId> busyPartners) {
        // An empty list would make "NOT IN ()" invalid SQL; no partner id is empty.
        List<String> excluded = busyPartners.isEmpty() ? List.of("")
                : busyPartners.stream().map(PartnerId::value).toList();
        return this.jdbc
            .sql("UPDATE webhook_events SET next_attempt_at = :leaseUntil, lease_token = :token" + " WHERE id IN ("
                    + """
                            SELECT id FROM webhook_events
                            WHERE status = 'PENDING' AND next_attempt_at <= :now AND partner_id NOT IN (:busy)
                            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                            """ + " RETURNING " + EVENT_COLUMNS)
            .param("leaseUntil", utc(leaseUntil))
            .param("token", token)
            .param("now", utc(now))
            .param("busy", excluded)
            .param("limit", limit)
            .query(WebhookRepository::event)
            .list();
    }

    /**
     * Extends the lease of an event this claim still holds, right before it is sent;
     * false when the lease was lost (another node took the event over).
     */
    public boolean renewLease(WebhookEventId id, String token, Instant leaseUntil) {
        return this.jdbc.sql("""
                UPDATE webhook_events SET next_attempt_at = :leaseUntil
                WHERE id = :id AND lease_token = :token AND status = 'PENDING'
                """).param("leaseUntil", utc(leaseUntil)).param("id", id.value()).param("token", token).update() == 1;
    }

    /**
     * Makes an event this claim holds due again at {@code at}, without an attempt and
     * under no lease (a test's delay).
     */
    public boolean postpone(WebhookEventId id, String token, Instant at) {
        return this.jdbc.sql("""
                UPDATE webhook_events SET next_attempt_at = :at, lease_token = NULL
                WHERE id = :id AND lease_token = :token AND status = 'PENDING'
                """).param("at", utc(at)).param("id", id.value()).param("token", token).update() == 1;
    }

    /**
     * The partner's events after {@code after} (by time, then id), oldest first; with no
     * {@code after}, none.
     */
    public List<EventRow> eventsAfter(PartnerId partnerId, WebhookEventId after, int limit) {
        return this.jdbc.sql("SELECT " + EVENT_COLUMNS + """
                 FROM webhook_events
                WHERE partner_id = :partnerId
                  AND (created_at, id) > (SELECT created_at, id FROM webhook_events
                                          WHERE id = :after AND partner_id = :partnerId)
                ORDER BY created_at, id LIMIT :limit
                """)
            .param("partnerId", partnerId.value())
            .param("after", after.value())
            .param("limit", limit)
            .query(WebhookRepository::event)
            .list();
    }

    /** The partner's first events, oldest first. */
    public List<EventRow> eventsFromStart(PartnerId partnerId, int limit) {
        return this.jdbc
            .sql("SELECT " + EVENT_COLUMNS + " FROM webhook_events WHERE partner_id = :partnerId"
                    + " ORDER BY created_at, id LIMIT :limit")
            .param("partnerId", partnerId.value())
            .param("limit", limit)
            .query(WebhookRepository::event)
            .list();
    }

    /** The partner's newest event, if any. */
    public Optional<WebhookEventId> newestEvent(PartnerId partnerId) {
        return this.jdbc.sql("""
                SELECT id FROM webhook_events WHERE partner_id = :partnerId
                ORDER BY created_at DESC, id DESC LIMIT 1
                """).param("partnerId", partnerId.value()).query(String.class).optional().map(WebhookEventId::of);
    }

    /** A body to keep for an event that has none yet. */
    public record Body(WebhookEventId eventId, String body, String contentType) {
    }

    /** An attempt to record, with the event's next state. */
    public record Recorded(AttemptRow attempt, WebhookStatus status, Instant nextAttemptAt) {
    }

    /**
     * Keeps the bodies events were first rendered with, many in one statement (one
     * commit); an event that has a body keeps it.
     */
    public void saveBodies(List<Body> bodies) {
        if (bodies.isEmpty()) {
            return;
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < bodies.size(); i++) {
            values.append(i == 0 ? "" : ", ")
                .append("(:id")
                .append(i)
                .append(", :body")
                .append(i)
                .append(", :type")
                .append(i)
                .append(')');
        }
        var statement = this.jdbc.sql("UPDATE webhook_events e SET body = v.body, content_type = v.content_type"
                + " FROM (VALUES " + values + ") AS v(id, body, content_type) WHERE e.id = v.id AND e.body IS NULL");
        for (int i = 0; i < bodies.size(); i++) {
            Body body = bodies.get(i);
            statement = statement.param("id" + i, body.eventId().value())
                .param("body" + i, body.body())
                .param("type" + i, body.contentType());
        }
        statement.update();
    }

    /**
     * Records many attempts and their events' next states in one statement (one commit):
     * an attempt number already recorded changes nothing. One statement for an attempt
     * and its event, so a node killed between two writes cannot leave an attempt recorded
     * while its event still waits for that attempt (the next claim would make the same
     * attempt number again, find it taken, and never move the event on). Returns the ids
     * of the events whose attempts were recorded.
     */
    public java.util.Set<WebhookEventId> recordAttempts(List<Recorded> attempts) {
        if (attempts.isEmpty()) {
            return java.util.Set.of();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < attempts.size(); i++) {
            WebhookStatus.PENDING.requireCanBecome(attempts.get(i).status());
            values.append(i == 0 ? "" : ", ")
                .append("(:e")
                .append(i)
                .append(", CAST(:n")
                .append(i)
                .append(" AS INT), :u")
                .append(i)
                .append(", CAST(:a")
                .append(i)
                .append(" AS TIMESTAMPTZ), CAST(:c")
                .append(i)
                .append(" AS INT)")
                .append(", CAST(:l")
                .append(i)
                .append(" AS BIGINT), CAST(:x")
                .append(i)
                .append(" AS TEXT)")
                .append(", CAST(:d")
                .append(i)
                .append(" AS BOOLEAN), :s")
                .append(i)
                .append(", CAST(:t")
                .append(i)
                .append(" AS TIMESTAMPTZ))");
        }
        var statement = this.jdbc.sql("""
                WITH input (event_id, number, url, attempted_at, status_code, latency_ms, error, delivered, status,
                            next_at) AS (VALUES\s""" + values + """
                ),
                attempt AS (
                    INSERT INTO webhook_attempts (event_id, number, url, attempted_at, status_code, latency_ms, error,
                                                  delivered)
                    SELECT event_id, number, url, attempted_at, status_code, latency_ms, error, delivered FROM input
                    ON CONFLICT (event_id, number) DO NOTHING
                    RETURNING event_id, number),
                event AS (
                    UPDATE webhook_events e SET attempts = i.number, status = i.status, next_attempt_at = i.next_at,
                        lease_token = NULL,
                        delivered_at = CASE WHEN i.status = 'DELIVERED' THEN i.attempted_at END
                    FROM input i JOIN attempt a ON a.event_id = i.event_id AND a.number = i.number
                    WHERE e.id = i.event_id AND e.attempts = i.number - 1
                    RETURNING e.id)
                SELECT event_id FROM attempt
                """);
        for (int i = 0; i < attempts.size(); i++) {
            Recorded recorded = attempts.get(i);
            AttemptRow attempt = recorded.attempt();
            statement = statement.param("e" + i, attempt.eventId().value())
                .param("n" + i, attempt.number())
                .param("u" + i, attempt.url())
                .param("a" + i, utc(attempt.attemptedAt()))
                .param("c" + i, attempt.statusCode())
                .param("l" + i, attempt.latencyMillis())
                .param("x" + i, attempt.error())
                .param("d" + i, attempt.delivered())
                .param("s" + i, recorded.status().name())
                .param("t" + i, utc(recorded.nextAttemptAt()));
        }
        return new java.util.HashSet<>(
                statement.query((row, n) -> WebhookEventId.of(row.getString("event_id"))).list());
    }

    /** Puts an event back in line for delivery now, whatever became of it. */
    public boolean replay(PartnerId partnerId, WebhookEventId id, Instant now) {
        return this.jdbc.sql("""
                UPDATE webhook_events SET status = 'PENDING', next_attempt_at = :now, delivered_at = NULL
                WHERE id = :id AND partner_id = :partnerId
                """).param("now", utc(now)).param("id", id.value()).param("partnerId", partnerId.value()).update() == 1;
    }

    /** A partner's latest events, newest first. */
    public List<EventRow> events(PartnerId partnerId, int limit) {
        return this.jdbc
            .sql("SELECT " + EVENT_COLUMNS
                    + " FROM webhook_events WHERE partner_id = :partnerId ORDER BY created_at DESC, id LIMIT :limit")
            .param("partnerId", partnerId.value())
            .param("limit", limit)
            .query(WebhookRepository::event)
            .list();
    }

    /**
     * A page of the partner's events, newest first: those of a status and a type when
     * given, and about one of {@code subjectIds} when that is not null (an empty list
     * finds nothing).
     */
    public List<EventRow> search(PartnerId partnerId, String status, String type, List<String> subjectIds, int limit,
            int offset) {
        if (subjectIds != null && subjectIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(EVENT_COLUMNS)
            .append(" FROM webhook_events WHERE partner_id = :partnerId");
        Map<String, Object> params = new HashMap<>();
        params.put("partnerId", partnerId.value());
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status);
        }
        if (type != null) {
            sql.append(" AND type = :type");
            params.put("type", type);
        }
        if (subjectIds != null) {
            sql.append(" AND subject_id IN (:subjects)");
            params.put("subjects", subjectIds);
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return this.jdbc.sql(sql.toString()).params(params).query(WebhookRepository::event).list();
    }

    /** The partner's events about any of {@code subjectIds}, oldest first. */
    public List<EventRow> eventsAbout(PartnerId partnerId, List<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return this.jdbc
            .sql("SELECT " + EVENT_COLUMNS + " FROM webhook_events WHERE partner_id = :partnerId"
                    + " AND subject_id IN (:subjects) ORDER BY created_at, id")
            .param("partnerId", partnerId.value())
            .param("subjects", subjectIds)
            .query(WebhookRepository::event)
            .list();
    }

    public Optional<EventRow> event(PartnerId partnerId, WebhookEventId id) {
        return this.jdbc
            .sql("SELECT " + EVENT_COLUMNS + " FROM webhook_events WHERE id = :id AND partner_id = :partnerId")
            .param("id", id.value())
            .param("partnerId", partnerId.value())
            .query(WebhookRepository::event)
            .optional();
    }

    /** The attempts of some events, in order. */
    public List<AttemptRow> attempts(List<WebhookEventId> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return this.jdbc.sql("""
                SELECT event_id, number, url, attempted_at, status_code, latency_ms, error, delivered
                FROM webhook_attempts WHERE event_id IN (:ids) ORDER BY event_id, number
                """)
            .param("ids", eventIds.stream().map(WebhookEventId::value).toList())
            .query((row, n) -> new AttemptRow(WebhookEventId.of(row.getString("event_id")), row.getInt("number"),
                    row.getString("url"), instant(row.getTimestamp("attempted_at")),
                    (Integer) row.getObject("status_code"), row.getLong("latency_ms"), row.getString("error"),
                    row.getBoolean("delivered")))
            .list();
    }

    private static EventRow event(ResultSet row, int rowNumber) throws SQLException {
        return new EventRow(WebhookEventId.of(row.getString("id")), PartnerId.of(row.getString("partner_id")),
                EventType.valueOf(row.getString("type")), row.getString("subject_id"),
                WebhookStatus.valueOf(row.getString("status")), row.getString("body"), row.getString("content_type"),
                row.getInt("attempts"), instant(row.getTimestamp("next_attempt_at")),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("delivered_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
