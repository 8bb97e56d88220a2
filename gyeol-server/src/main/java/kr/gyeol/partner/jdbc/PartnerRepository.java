package kr.gyeol.partner.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kr.gyeol.partner.Partner;
import kr.gyeol.partner.PartnerMode;
import kr.gyeol.partner.RefererCheck;
import kr.gyeol.shared.PartnerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code partners}. */
@Repository
public class PartnerRepository {

    private final JdbcClient jdbc;

    private final Clock clock;

    public PartnerRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The columns of a partner; the previous key only while it is still accepted. */
    private static final String COLUMNS = """
            id, secret_hash, refund_key_hash, client_key, mode, referer_check, domains,
            CASE WHEN previous_secret_until > :now THEN previous_secret_hash END AS previous_secret_hash
            """;

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * Writes a test-mode partner the test kit made; false when its id or client key is
     * taken.
     */
    public boolean insertTestKit(Partner partner) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                INSERT INTO partners (id, secret_hash, configured_secret_hash, refund_key_hash, client_key, mode,
                                      referer_check, domains, created_at, updated_at, created_by)
                VALUES (:id, :secretHash, :secretHash, :refundKeyHash, :clientKey, 'TEST', :refererCheck,
                        string_to_array(:domains, ','), :now, :now, 'TEST_KIT')
                ON CONFLICT DO NOTHING
                """)
            .param("id", partner.id().value())
            .param("secretHash", partner.secretHash())
            .param("refundKeyHash", partner.refundKeyHash())
            .param("clientKey", partner.clientKey())
            .param("refererCheck", partner.refererCheck().name())
            .param("domains", String.join(",", partner.domains()))
            .param("now", now)
            .update() == 1;
    }

    /**
     * Writes a configured partner. A key rotated since the configuration last set it
     * stays unless {@code replaceKey} (the configured key changed).
     */
    public void upsert(Partner partner, boolean replaceKey) {
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO partners (id, secret_hash, configured_secret_hash, refund_key_hash, client_key, mode,
                                      referer_check, domains, created_at, updated_at)
                VALUES (:id, :secretHash, :secretHash, :refundKeyHash, :clientKey, :mode, :refererCheck,
                        string_to_array(:domains, ','), :now, :now)
                ON CONFLICT (id) DO UPDATE SET
                    secret_hash = CASE WHEN :replaceKey THEN EXCLUDED.secret_hash ELSE partners.secret_hash END,
                    configured_secret_hash = CASE WHEN :replaceKey THEN EXCLUDED.secret_hash
                                                  ELSE partners.configured_secret_hash END,
                    previous_secret_hash = CASE WHEN :replaceKey THEN NULL ELSE partners.previous_secret_hash END,
                    previous_secret_until = CASE WHEN :replaceKey THEN NULL ELSE partners.previous_secret_until END,
                    refund_key_hash = EXCLUDED.refund_key_hash,
                    client_key = EXCLUDED.client_key,
                    mode = EXCLUDED.mode,
                    referer_check = EXCLUDED.referer_check,
                    domains = EXCLUDED.domains,
                    disabled_at = NULL,
                    updated_at = EXCLUDED.updated_at
                """)
            .param("id", partner.id().value())
            .param("secretHash", partner.secretHash())
            .param("replaceKey", replaceKey)
            .param("refundKeyHash", partner.refundKeyHash())
            .param("clientKey", partner.clientKey())
            .param("mode", partner.mode().name())
            .param("refererCheck", partner.refererCheck().name())
            .param("domains", String.join(",", partner.domains()))
            .param("now", now)
            .update();
    }

    /**
     * Disables every partner not in {@code configured} that is not disabled yet; its data
     * stays. Answers the ids disabled now.
     */
    public List<String> disableAllBut(java.util.Collection<String> configured) {
        return this.jdbc.sql("""
                UPDATE partners SET disabled_at = :now, updated_at = :now
                WHERE disabled_at IS NULL AND created_by = 'CONFIGURATION'
                  AND NOT (id = ANY (string_to_array(:configured, ',')))
                RETURNING id
                """).param("now", now()).param("configured", String.join(",", configured)).query(String.class).list();
    }

    /** The key the configuration last set, if the partner exists. */
    public Optional<String> configuredSecretHash(String id) {
        return jdbc.sql("SELECT configured_secret_hash FROM partners WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .optional();
    }

    /**
     * Replaces the partner key; the old one stays accepted until {@code previousUntil}
     * (null: not at all). False when there is no such partner.
     */
    public boolean rotateSecret(String id, String secretHash, Instant previousUntil) {
        return jdbc.sql("""
                UPDATE partners SET
                    previous_secret_hash = CASE WHEN CAST(:until AS TIMESTAMPTZ) IS NULL THEN NULL ELSE secret_hash END,
                    previous_secret_until = :until, secret_hash = :secretHash, updated_at = :now
                WHERE id = :id
                """)
            .param("until", previousUntil == null ? null : previousUntil.atOffset(ZoneOffset.UTC))
            .param("secretHash", secretHash)
            .param("now", now())
            .param("id", id)
            .update() == 1;
    }

    public Optional<Partner> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partners WHERE id = :id AND disabled_at IS NULL")
            .param("id", id)
            .param("now", now())
            .query(PartnerRepository::map)
            .optional();
    }

    public Optional<Partner> findByClientKey(String clientKey) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM partners WHERE client_key = :clientKey AND disabled_at IS NULL")
            .param("clientKey", clientKey)
            .param("now", now())
            .query(PartnerRepository::map)
            .optional();
    }

    /** Every partner, by id. */
    public List<Partner> all() {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM partners WHERE disabled_at IS NULL ORDER BY id")
            .param("now", now())
            .query(PartnerRepository::map)
            .list();
    }

    static Partner map(ResultSet row, int rowNumber) throws SQLException {
        Array domains = row.getArray("domains");
        List<String> domainList = domains == null ? List.of() : Arrays.asList((String[]) domains.getArray());
        return new Partner(PartnerId.of(row.getString("id")), row.getString("secret_hash"),
                row.getString("refund_key_hash"), row.getString("client_key"),
                PartnerMode.valueOf(row.getString("mode")), RefererCheck.valueOf(row.getString("referer_check")),
                domainList, row.getString("previous_secret_hash"));
    }

}
