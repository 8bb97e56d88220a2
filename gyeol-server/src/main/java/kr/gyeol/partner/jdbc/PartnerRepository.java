package kr.gyeol.partner.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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

    public void upsert(Partner partner) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO partners (id, secret_hash, refund_key_hash, client_key, mode, referer_check,
                                      domains, created_at, updated_at)
                VALUES (:id, :secretHash, :refundKeyHash, :clientKey, :mode, :refererCheck,
                        string_to_array(:domains, ','), :now, :now)
                ON CONFLICT (id) DO UPDATE SET
                    secret_hash = EXCLUDED.secret_hash,
                    refund_key_hash = EXCLUDED.refund_key_hash,
                    client_key = EXCLUDED.client_key,
                    mode = EXCLUDED.mode,
                    referer_check = EXCLUDED.referer_check,
                    domains = EXCLUDED.domains,
                    updated_at = EXCLUDED.updated_at
                """)
            .param("id", partner.id().value())
            .param("secretHash", partner.secretHash())
            .param("refundKeyHash", partner.refundKeyHash())
            .param("clientKey", partner.clientKey())
            .param("mode", partner.mode().name())
            .param("refererCheck", partner.refererCheck().name())
            .param("domains", String.join(",", partner.domains()))
            .param("now", now)
            .update();
    }

    public Optional<Partner> find(String id) {
        return jdbc.sql("""
                SELECT id, secret_hash, refund_key_hash, client_key, mode, referer_check, domains
                FROM partners WHERE id = :id
                """).param("id", id).query(PartnerRepository::map).optional();
    }

    public Optional<Partner> findByClientKey(String clientKey) {
        return this.jdbc.sql("""
                SELECT id, secret_hash, refund_key_hash, client_key, mode, referer_check, domains
                FROM partners WHERE client_key = :clientKey
                """).param("clientKey", clientKey).query(PartnerRepository::map).optional();
    }

    /** Every partner, by id. */
    public List<Partner> all() {
        return this.jdbc.sql("""
                SELECT id, secret_hash, refund_key_hash, client_key, mode, referer_check, domains
                FROM partners ORDER BY id
                """).query(PartnerRepository::map).list();
    }

    static Partner map(ResultSet row, int rowNumber) throws SQLException {
        Array domains = row.getArray("domains");
        List<String> domainList = domains == null ? List.of() : Arrays.asList((String[]) domains.getArray());
        return new Partner(PartnerId.of(row.getString("id")), row.getString("secret_hash"),
                row.getString("refund_key_hash"), row.getString("client_key"),
                PartnerMode.valueOf(row.getString("mode")), RefererCheck.valueOf(row.getString("referer_check")),
                domainList);
    }

}
