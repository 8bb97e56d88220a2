package kr.gyeol.console.jdbc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import kr.gyeol.console.ConsoleSession;
import kr.gyeol.shared.ExpiringRows;
import kr.gyeol.shared.PartnerId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code console_sessions} table. */
@Repository
public class ConsoleSessionRepository implements ExpiringRows {

    private final JdbcClient jdbc;

    ConsoleSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(byte[] tokenHash, ConsoleSession session, Instant now) {
        this.jdbc.sql("""
                INSERT INTO console_sessions (token_hash, partner_id, operator, csrf_token, created_at, expires_at)
                VALUES (:hash, :partner, :operator, :csrf, :now, :expires)
                """)
            .param("hash", tokenHash)
            .param("partner", session.partnerId() == null ? null : session.partnerId().value())
            .param("operator", session.operator())
            .param("csrf", session.csrfToken())
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("expires", session.expiresAt().atOffset(ZoneOffset.UTC))
            .update();
    }

    public Optional<ConsoleSession> find(byte[] tokenHash, Instant now) {
        return this.jdbc.sql("""
                SELECT partner_id, operator, csrf_token, expires_at FROM console_sessions
                WHERE token_hash = :hash AND expires_at > :now
                """)
            .param("hash", tokenHash)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .query((row, n) -> new ConsoleSession(
                    row.getString("partner_id") == null ? null : PartnerId.of(row.getString("partner_id")),
                    row.getString("operator"), row.getString("csrf_token"), row.getTimestamp("expires_at").toInstant()))
            .optional();
    }

    /** Points an operator's session at a partner; false for a partner's own session. */
    public boolean actFor(byte[] tokenHash, PartnerId partnerId) {
        return this.jdbc
            .sql("UPDATE console_sessions SET partner_id = :partner WHERE token_hash = :hash AND operator IS NOT NULL")
            .param("partner", partnerId.value())
            .param("hash", tokenHash)
            .update() == 1;
    }

    public void delete(byte[] tokenHash) {
        this.jdbc.sql("DELETE FROM console_sessions WHERE token_hash = :hash").param("hash", tokenHash).update();
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return this.jdbc.sql("DELETE FROM console_sessions WHERE expires_at < :cutoff")
            .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
            .update();
    }

}
