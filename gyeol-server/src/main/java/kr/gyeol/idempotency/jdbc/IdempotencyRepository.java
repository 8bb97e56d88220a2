package kr.gyeol.idempotency.jdbc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import kr.gyeol.shared.PartnerId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code idempotency_keys}. */
@Repository
public class IdempotencyRepository {

    /** A kept key: its request's hash and, once done, the answer. */
    public record Row(String requestHash, boolean done, int status, String contentType, byte[] body) {
    }

    private final JdbcClient jdbc;

    public IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a key, replacing an expired row of it; false when a live row holds it (the
     * primary key decides between nodes).
     */
    public boolean claim(PartnerId partner, String key, String requestHash, Instant now, Instant expiresAt) {
        this.jdbc.sql("DELETE FROM idempotency_keys WHERE partner_id = :partner AND key = :key AND expires_at <= :now")
            .param("partner", partner.value())
            .param("key", key)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .update();
        return this.jdbc.sql("""
                INSERT INTO idempotency_keys (partner_id, key, request_hash, state, created_at, expires_at)
                VALUES (:partner, :key, :hash, 'IN_PROGRESS', :now, :expiresAt)
                ON CONFLICT (partner_id, key) DO NOTHING
                """)
            .param("partner", partner.value())
            .param("key", key)
            .param("hash", requestHash)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("expiresAt", expiresAt.atOffset(ZoneOffset.UTC))
            .update() == 1;
    }

    public Optional<Row> find(PartnerId partner, String key) {
        return this.jdbc.sql("""
                SELECT request_hash, state, response_status, response_type, response_body FROM idempotency_keys
                WHERE partner_id = :partner AND key = :key
                """)
            .param("partner", partner.value())
            .param("key", key)
            .query((row, n) -> new Row(row.getString("request_hash"), row.getString("state").equals("DONE"),
                    row.getInt("response_status"), row.getString("response_type"), row.getBytes("response_body")))
            .optional();
    }

    public void complete(PartnerId partner, String key, int status, String contentType, byte[] body) {
        this.jdbc.sql("""
                UPDATE idempotency_keys SET state = 'DONE', response_status = :status, response_type = :type,
                       response_body = :body
                WHERE partner_id = :partner AND key = :key AND state = 'IN_PROGRESS'
                """)
            .param("partner", partner.value())
            .param("key", key)
            .param("status", status)
            .param("type", contentType)
            .param("body", body)
            .update();
    }

    public void release(PartnerId partner, String key) {
        this.jdbc
            .sql("DELETE FROM idempotency_keys WHERE partner_id = :partner AND key = :key AND state = 'IN_PROGRESS'")
            .param("partner", partner.value())
            .param("key", key)
            .update();
    }

    public int deleteExpiredBefore(Instant cutoff) {
        return this.jdbc.sql("DELETE FROM idempotency_keys WHERE expires_at < :cutoff")
            .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
            .update();
    }

}
