package kr.gyeol.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.keyring.VaultCipher;
import kr.gyeol.keyring.VaultProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AuthKeys that carry their own proof (issue 14). */
class AuthKeysTest {

    @TempDir
    Path directory;

    private static final Instant EXPIRY = Instant.parse("2026-12-07T00:30:00Z");

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        return Base64.getEncoder().encodeToString(bytes);
    }

    private AuthKeys keys(Map<String, String> vaultKeys, String active) {
        return new AuthKeys(new VaultCipher(new VaultProperties(vaultKeys, active), directory));
    }

    @Test
    void anAuthKeySaysWhatItWasIssuedForAndItsTokensAreDerivedAgain() {
        AuthKeys keys = keys(Map.of("k1", key(1)), "k1");
        AuthKeys.Issued issued = keys.issue(PartnerId.of("test"), "SIMPLE_PAY_CARD", "window-1", EXPIRY);

        AuthKeys.Claims read = keys.read(issued.authKey()).orElseThrow();
        assertThat(read.partnerId()).isEqualTo(PartnerId.of("test"));
        assertThat(read.operation()).isEqualTo("SIMPLE_PAY_CARD");
        assertThat(read.context()).isEqualTo("window-1");
        assertThat(read.expiresAt()).isEqualTo(EXPIRY);
        assertThat(read.nonce()).isEqualTo(issued.claims().nonce()).hasSize(16);
        assertThat(read.partnerToken()).isEqualTo(issued.claims().partnerToken()).hasSize(32);
        assertThat(read.secretToken()).isEqualTo(issued.claims().secretToken()).hasSize(32);
        assertThat(read.partnerToken()).isNotEqualTo(read.secretToken());
        assertThat(keys.issue(PartnerId.of("test"), "PAYMENT_LOOKUP", null, EXPIRY).claims().context()).isNull();
    }

    @Test
    void anAuthKeyIsOpaqueFitsPaypleFieldsAndEveryOneIsNew() {
        AuthKeys keys = keys(Map.of("k1", key(1)), "k1");
        AuthKeys.Issued one = keys.issue(PartnerId.of("test"), "SIMPLE_PAY_CARD", null, EXPIRY);
        AuthKeys.Issued two = keys.issue(PartnerId.of("test"), "SIMPLE_PAY_CARD", null, EXPIRY);

        assertThat(one.authKey()).matches("[A-Za-z0-9_-]+").hasSizeLessThan(255).doesNotContain("SIMPLE_PAY");
        assertThat(one.authKey()).isNotEqualTo(two.authKey());
        assertThat(one.claims().nonce()).isNotEqualTo(two.claims().nonce());
        assertThat(one.claims().partnerToken()).isNotEqualTo(two.claims().partnerToken());
    }

    @Test
    void aChangedOrForeignKeyIsNotOneOfOurs() {
        AuthKeys keys = keys(Map.of("k1", key(1)), "k1");
        String authKey = keys.issue(PartnerId.of("test"), "SIMPLE_PAY_CARD", null, EXPIRY).authKey();
        byte[] bytes = Base64.getUrlDecoder().decode(authKey);
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 1;
            assertThat(keys.read(Base64.getUrlEncoder().withoutPadding().encodeToString(changed))).as("byte %d", i)
                .isEmpty();
        }
        // Another gateway's vault key of the same id, a key of Payple's own shape, junk.
        assertThat(keys(Map.of("k1", key(2)), "k1").read(authKey)).isEmpty();
        assertThat(keys.read("K0VnWlZ5TWZSaGNla1Vpay96YnVDZz09")).isEmpty();
        assertThat(keys.read("a688ccb3555c4b0ce4dbbef3bd2f0f6fcc3b34c8b5fa7f5e1d5c30f1a0b1e34d")).isEmpty();
        assertThat(keys.read("not base64 at all!")).isEmpty();
        assertThat(keys.read("")).isEmpty();
    }

    @Test
    void keysNamingVaultKeysThatAreNotConfiguredLeaveNothingBehind() {
        AuthKeys keys = keys(Map.of("k1", key(1)), "k1");
        keys.issue(PartnerId.of("test"), "CANCEL", null, EXPIRY);
        for (int i = 0; i < 1_000; i++) {
            // Version 1, a key id of its own, a nonce's worth and a tag's worth of bytes.
            byte[] forged = new byte[2 + 8 + 16 + 16];
            forged[0] = 1;
            forged[1] = 8;
            System.arraycopy(String.format("id%06d", i).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, forged,
                    2, 8);
            assertThat(keys.read(Base64.getUrlEncoder().withoutPadding().encodeToString(forged))).isEmpty();
        }
        assertThat(keys.derivedKeyIds()).isOne();
    }

    @Test
    void keysIssuedBeforeAVaultRotationStayReadable() {
        AuthKeys before = keys(Map.of("k1", key(1)), "k1");
        String authKey = before.issue(PartnerId.of("test"), "CANCEL", null, EXPIRY).authKey();

        AuthKeys after = keys(Map.of("k1", key(1), "k2", key(2)), "k2");
        assertThat(after.read(authKey)).map(AuthKeys.Claims::operation).contains("CANCEL");
        assertThat(after.read(after.issue(PartnerId.of("test"), "CANCEL", null, EXPIRY).authKey())).isPresent();
        // Once the old vault key is gone, so are the keys sealed under it.
        assertThat(keys(Map.of("k2", key(2)), "k2").read(authKey)).isEmpty();
    }

}
