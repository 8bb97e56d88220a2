package kr.gyeol.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events that a node killed between recording an attempt and moving the event on left
 * behind (the attempt there, the event still waiting for it) are brought up to their
 * attempts by the migration: a delivered one becomes DELIVERED, a pending one is tried
 * again with the next attempt number; events in step are left as they were.
 */
class WebhookAttemptsRepairMigrationIT {

    private static final String BEFORE_THE_REPAIR = "20261206220000";

    private final MigrationSchema schema = new MigrationSchema("webhook_repair");

    @AfterEach
    void dropSchema() throws SQLException {
        this.schema.close();
    }

    @Test
    void eventsBehindTheirRecordedAttemptsCatchUp() throws SQLException {
        this.schema.migrate(BEFORE_THE_REPAIR);
        this.schema.execute("""
                INSERT INTO partners (id, secret_hash, refund_key_hash, mode, referer_check, created_at, updated_at)
                VALUES ('shop', 'x', 'x', 'TEST', 'LENIENT', now(), now());
                INSERT INTO webhook_events (id, partner_id, type, subject_id, status, attempts, next_attempt_at,
                                            created_at, lease_token)
                VALUES ('stuck-delivered', 'shop', 'PAYMENT', 'p1', 'PENDING', 0, now(), now(), 'lease'),
                       ('stuck-failed', 'shop', 'PAYMENT', 'p2', 'PENDING', 1, now(), now(), 'lease'),
                       ('in-step', 'shop', 'PAYMENT', 'p3', 'PENDING', 1, now(), now(), NULL);
                INSERT INTO webhook_attempts (event_id, number, url, attempted_at, status_code, latency_ms, error,
                                              delivered)
                VALUES ('stuck-delivered', 1, 'http://x', '2026-12-06T00:00:00Z', 200, 5, NULL, TRUE),
                       ('stuck-failed', 1, 'http://x', '2026-12-06T00:00:00Z', 503, 5, NULL, FALSE),
                       ('stuck-failed', 2, 'http://x', '2026-12-06T00:01:00Z', 503, 5, NULL, FALSE),
                       ('in-step', 1, 'http://x', '2026-12-06T00:00:00Z', 503, 5, NULL, FALSE);
                """);
        this.schema.migrate(null);
        assertThat(this.schema.row("SELECT status, attempts, delivered_at IS NOT NULL AS delivered,"
                + " lease_token IS NULL AS released FROM webhook_events WHERE id = 'stuck-delivered'"))
            .containsExactly(Map.entry("status", "DELIVERED"), Map.entry("attempts", "1"), Map.entry("delivered", "t"),
                    Map.entry("released", "t"));
        assertThat(this.schema.row("SELECT status, attempts, lease_token IS NULL AS released FROM webhook_events"
                + " WHERE id = 'stuck-failed'"))
            .containsExactly(Map.entry("status", "PENDING"), Map.entry("attempts", "2"), Map.entry("released", "t"));
        assertThat(this.schema.row("SELECT status, attempts FROM webhook_events WHERE id = 'in-step'"))
            .containsExactly(Map.entry("status", "PENDING"), Map.entry("attempts", "1"));
    }

}
