package kr.gyeol.webhook.jdbc;

import java.util.List;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.vault.SealedTable;
import kr.gyeol.keyring.VaultCipher;
import kr.gyeol.webhook.WebhookEndpoints;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The webhook signing secrets, sealed with the vault, for its key rotation. */
@Component
class WebhookSecretCiphertexts implements SealedTable {

    private final JdbcClient jdbc;

    WebhookSecretCiphertexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "webhook_endpoints";
    }

    @Override
    public List<Row> notUnder(String keyId, String afterId, int limit) {
        return this.jdbc.sql("""
                SELECT partner_id, secret_key_id, secret_ciphertext FROM webhook_endpoints
                WHERE secret_key_id <> :keyId AND partner_id > :after ORDER BY partner_id LIMIT :limit
                """)
            .param("keyId", keyId)
            .param("after", afterId)
            .param("limit", limit)
            .query((row, n) -> new Row(row.getString("partner_id"),
                    WebhookEndpoints.aad(PartnerId.of(row.getString("partner_id"))),
                    new VaultCipher.Sealed(row.getString("secret_key_id"), row.getBytes("secret_ciphertext"))))
            .list();
    }

    @Override
    public boolean replace(Row row, VaultCipher.Sealed resealed) {
        return this.jdbc.sql("""
                UPDATE webhook_endpoints SET secret_key_id = :keyId, secret_ciphertext = :bytes
                WHERE partner_id = :id AND secret_key_id = :oldKeyId AND secret_ciphertext = :oldBytes
                """)
            .param("keyId", resealed.keyId())
            .param("bytes", resealed.bytes())
            .param("id", row.id())
            .param("oldKeyId", row.sealed().keyId())
            .param("oldBytes", row.sealed().bytes())
            .update() == 1;
    }

}
