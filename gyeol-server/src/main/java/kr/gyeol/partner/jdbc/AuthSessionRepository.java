package kr.gyeol.partner.jdbc;

import kr.gyeol.shared.PartnerId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import kr.gyeol.partner.PartnerMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code auth_sessions}, keyed by the SHA-256 of the AuthKey: the sessions of
 * keys issued before AuthKeys carried their own proof, read until they expire.
 */
@Repository
public class AuthSessionRepository implements kr.gyeol.shared.ExpiringRows {

    /** A session row as the checks need it. */
    public record SessionRow(PartnerId partnerId, PartnerMode mode, String operation, String partnerToken,
            String secretToken, String secretHash, String previousSecretHash, String context, boolean singleUse,
            Instant expiresAt, Instant usedAt, kr.gyeol.partner.RefererCheck refererCheck,
            java.util.List<String> domains) {
    }

    private final JdbcClient jdbc;

    public AuthSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Consumes a single-use key in one statement: only a live, unused key of the right
     * operation, presented with the session's own tokens, is marked used. Two racing
     * calls cannot both see a row come back. Raw credentials take the slower path through
     * {@link #find} and {@link #markUsed}.
     */
    public Optional<SessionRow> consumeWithTokens(byte[] keyHash, String operation, String partnerToken,
            String secretToken, Instant now) {
        return jdbc.sql("""
                UPDATE auth_sessions s SET used_at = :now
                FROM partners p
                WHERE s.key_hash = :keyHash AND p.id = s.partner_id
                  AND s.operation = :operation AND s.used_at IS NULL AND s.expires_at > :now
                  AND s.partner_token = :partnerToken AND s.secret_token = :secretToken
                RETURNING s.partner_id, p.mode, s.operation, s.partner_token, s.secret_token,
                          p.secret_hash, CASE WHEN p.previous_secret_until > :now THEN p.previous_secret_hash END
                              AS previous_secret_hash,
                          s.context, s.single_use, s.expires_at, s.used_at, p.referer_check, p.domains
                """)
            .param("now", utc(now))
            .param("keyHash", keyHash)
            .param("operation", operation)
            .param("partnerToken", partnerToken)
            .param("secretToken", secretToken)
            .query(AuthSessionRepository::map)
            .optional();
    }

    /**
     * A session by its key, with its partner's key hashes (the one a rotation replaced
     * only while it is still accepted at {@code now}).
     */
    public Optional<SessionRow> find(byte[] keyHash, Instant now) {
        return jdbc.sql("""
                SELECT s.partner_id, p.mode, s.operation, s.partner_token, s.secret_token,
                       p.secret_hash, CASE WHEN p.previous_secret_until > :now THEN p.previous_secret_hash END
                           AS previous_secret_hash,
                       s.context, s.single_use, s.expires_at, s.used_at, p.referer_check, p.domains
                FROM auth_sessions s JOIN partners p ON p.id = s.partner_id
                WHERE s.key_hash = :keyHash
                """).param("keyHash", keyHash).param("now", utc(now)).query(AuthSessionRepository::map).optional();
    }

    /**
     * Marks a key used; false when another call used it first or it expired meanwhile.
     */
    public boolean markUsed(byte[] keyHash, Instant now) {
        return jdbc.sql("""
                UPDATE auth_sessions SET used_at = :now
                WHERE key_hash = :keyHash AND used_at IS NULL AND expires_at > :now
                """).param("now", utc(now)).param("keyHash", keyHash).update() == 1;
    }

    /** Forgets sessions that expired before {@code cutoff}; returns how many. */
    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM auth_sessions WHERE expires_at < :cutoff").param("cutoff", utc(cutoff)).update();
    }

    private static SessionRow map(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        java.sql.Timestamp used = row.getTimestamp("used_at");
        return new SessionRow(PartnerId.of(row.getString("partner_id")), PartnerMode.valueOf(row.getString("mode")),
                row.getString("operation"), row.getString("partner_token"), row.getString("secret_token"),
                row.getString("secret_hash"), row.getString("previous_secret_hash"), row.getString("context"),
                row.getBoolean("single_use"), row.getTimestamp("expires_at").toInstant(),
                used == null ? null : used.toInstant(),
                kr.gyeol.partner.RefererCheck.valueOf(row.getString("referer_check")),
                java.util.Arrays.asList((String[]) row.getArray("domains").getArray()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
