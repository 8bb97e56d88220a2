package kr.gyeol.vault;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kr.gyeol.keyring.VaultCipher;
import kr.gyeol.keyring.VaultProperties;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TempDirectories;
import kr.gyeol.webhook.WebhookEndpoints;
import kr.gyeol.webhook.WebhookFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vault key rotation, online: with a new key configured beside the old, the rotation
 * re-encrypts every billing key and webhook secret under it while charges of those keys
 * keep succeeding; a second run finds nothing; a row whose key this process does not have
 * is left and reported.
 */
@DirtiesContext
class VaultRotationIT extends GatewayTest {

    private static final String OLD = key();

    private static final String NEW = key();

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("gyeol.vault.keys.old", () -> OLD);
        registry.add("gyeol.vault.keys.new", () -> NEW);
        registry.add("gyeol.vault.active-key", () -> "old");
    }

    @Autowired
    VaultRotation rotation;

    @Autowired
    WebhookEndpoints webhooks;

    @Autowired
    JdbcClient jdbc;

    private static VaultCipher cipher(Map<String, String> keys, String active) throws Exception {
        Path unused = TempDirectories.create("gyeol-rotation");
        return new VaultCipher(new VaultProperties(keys, active), unused);
    }

    private long underKey(String keyId) {
        return this.jdbc.sql("SELECT count(*) FROM billing_keys WHERE key_id = :key")
            .param("key", keyId)
            .query(Long.class)
            .single();
    }

    /** Rows sealed by the other test gateways of this run, under keys of their own. */
    private long otherKeys() {
        return this.jdbc.sql("SELECT count(*) FROM billing_keys WHERE key_id NOT IN ('old', 'new')")
            .query(Long.class)
            .single();
    }

    @Test
    void everyCiphertextIsReencryptedUnderTheNewKeyWhileChargesGoOn() throws Exception {
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cards.add(this.payple.registerCard(PaypleTestClient.CARD));
        }
        this.webhooks.configure(PartnerId.of(PaypleTestClient.PARTNER), "http://127.0.0.1:9/hook", null,
                WebhookFormat.JSON, null);
        assertThat(underKey("old")).isGreaterThanOrEqualTo(30);

        AtomicBoolean rotating = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> charges = pool.submit(() -> {
            int approved = 0;
            for (int round = 0; rotating.get() || round < 2; round++) {
                for (String card : cards) {
                    Map<String, String> answer = this.payple.chargeCard(card, null, 1_000);
                    assertThat(answer).containsEntry("PCD_PAY_RST", "success");
                    approved++;
                }
            }
            return approved;
        });
        Map<String, VaultRotation.Report> reports = this.rotation.rotate(cipher(Map.of("old", OLD, "new", NEW), "new"));
        rotating.set(false);
        assertThat(charges.get(120, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(60);
        pool.shutdown();

        assertThat(reports.get("billing_keys").resealed()).isGreaterThanOrEqualTo(30);
        // Rows of other tests' gateways (their own generated keys) are left: none under
        // old.
        assertThat(reports.get("billing_keys").skipped()).isEqualTo(otherKeys());
        assertThat(underKey("old")).isZero();
        assertThat(this.jdbc.sql("SELECT secret_key_id FROM webhook_endpoints WHERE partner_id = 'test'")
            .query(String.class)
            .single()).isEqualTo("new");
        // The gateway (which has both keys) still opens everything.
        assertThat(this.payple.chargeCard(cards.get(0), null, 1_000)).containsEntry("PCD_PAY_RST", "success");
        assertThat(this.webhooks.find(PartnerId.of(PaypleTestClient.PARTNER)).orElseThrow().secret()).isNotNull();

        // Nothing is left for a second run.
        assertThat(this.rotation.rotate(cipher(Map.of("old", OLD, "new", NEW), "new")).values())
            .allSatisfy((report) -> assertThat(report.resealed()).isZero());

        // A run that does not have a row's key leaves it and says so.
        this.payple.registerCard(PaypleTestClient.CARD);
        VaultRotation.Report without = this.rotation.rotate(cipher(Map.of("new", NEW), "new")).get("billing_keys");
        assertThat(without.resealed()).isZero();
        assertThat(without.skipped()).isEqualTo(otherKeys() + 1);
        assertThat(underKey("old")).isEqualTo(1);
        this.webhooks.configure(PartnerId.of(PaypleTestClient.PARTNER), null, null, WebhookFormat.JSON, null);
    }

}
