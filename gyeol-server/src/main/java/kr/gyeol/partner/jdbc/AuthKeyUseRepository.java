package kr.gyeol.partner.jdbc;

import java.time.Instant;
import java.time.ZoneOffset;
import kr.gyeol.shared.ExpiringRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code auth_key_uses}: the nonces of single-use AuthKeys already spent. */
@Repository
public class AuthKeyUseRepository implements ExpiringRows {

    private final JdbcClient jdbc;

    public AuthKeyUseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Spends a nonce in the caller's transaction, if any: true for the first spend, false
     * when it was spent before. A racing spend waits for the first one's transaction and
     * then sees its row, or takes the nonce itself if that transaction rolled back.
     */
    public boolean spend(byte[] nonce, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO auth_key_uses (nonce, expires_at) VALUES (:nonce, :expiresAt)
                ON CONFLICT (nonce) DO NOTHING
                """).param("nonce", nonce).param("expiresAt", expiresAt.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    /** Forgets the uses of keys that expired before {@code cutoff}; returns how many. */
    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        // An expired key is refused by its own sealed expiry, so its use row tells
        // nothing more: it goes soon after (see keptAfterExpiry), which keeps the table
        // to about one key lifetime of charges.
        return jdbc.sql("DELETE FROM auth_key_uses WHERE expires_at < :cutoff")
            .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
            .update();
    }

    /**
     * Five minutes, whatever the janitor's retention: an expired key is refused by its
     * own sealed expiry, so its row only has to outlast the clock skew between nodes (a
     * node whose clock is behind still takes the key until its own clock passes the
     * expiry).
     */
    @Override
    public java.time.Duration keptAfterExpiry(java.time.Duration retention) {
        return java.time.Duration.ofMinutes(5);
    }

}
