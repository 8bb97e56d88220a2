package kr.gyeol.vault.jdbc;

import java.util.List;

import kr.gyeol.vault.SealedTable;
import kr.gyeol.keyring.VaultCipher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The vault's own sealed tables: billing keys and pending account registrations. */
@Configuration(proxyBeanMethods = false)
class VaultSealedTables {

    @Bean
    SealedTable billingKeyCiphertexts(JdbcClient jdbc) {
        return new IdKeyed(jdbc, "billing_keys");
    }

    @Bean
    SealedTable accountRegistrationCiphertexts(JdbcClient jdbc) {
        return new IdKeyed(jdbc, "account_registrations");
    }

    /** A table whose rows are sealed with their own id as associated data. */
    private record IdKeyed(JdbcClient jdbc, String name) implements SealedTable {

        @Override
        public List<Row> notUnder(String keyId, String afterId, int limit) {
            return this.jdbc
                .sql("SELECT id, key_id, ciphertext FROM " + this.name
                        + " WHERE key_id <> :keyId AND id > :after ORDER BY id LIMIT :limit")
                .param("keyId", keyId)
                .param("after", afterId)
                .param("limit", limit)
                .query((row, n) -> new Row(row.getString("id"), row.getString("id"),
                        new VaultCipher.Sealed(row.getString("key_id"), row.getBytes("ciphertext"))))
                .list();
        }

        @Override
        public boolean replace(Row row, VaultCipher.Sealed resealed) {
            return this.jdbc
                .sql("UPDATE " + this.name + " SET key_id = :keyId, ciphertext = :bytes"
                        + " WHERE id = :id AND key_id = :oldKeyId AND ciphertext = :oldBytes")
                .param("keyId", resealed.keyId())
                .param("bytes", resealed.bytes())
                .param("id", row.id())
                .param("oldKeyId", row.sealed().keyId())
                .param("oldBytes", row.sealed().bytes())
                .update() == 1;
        }

    }

}
