package kr.gyeol.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM with a key ring, masking and the Luhn check. */
class VaultCipherTest {

    @TempDir
    Path directory;

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void sealsWithTheActiveKeyAndOpensWithAnyConfiguredOne() {
        VaultCipher old = new VaultCipher(new VaultProperties(Map.of("k1", key(1)), "k1"), directory);
        VaultCipher.Sealed sealed = old.seal("secret".getBytes(StandardCharsets.UTF_8), "row-1");
        assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(sealed.keyId()).isEqualTo("k1");

        VaultCipher rotated = new VaultCipher(new VaultProperties(Map.of("k1", key(1), "k2", key(2)), "k2"), directory);
        assertThat(new String(rotated.open(sealed, "row-1"), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThat(rotated.seal(new byte[] { 1 }, "row-2").keyId()).isEqualTo("k2");
    }

    @Test
    void refusesTamperedCiphertextOrAnotherRow() {
        VaultCipher cipher = new VaultCipher(new VaultProperties(Map.of("k1", key(1)), "k1"), directory);
        VaultCipher.Sealed sealed = cipher.seal("secret".getBytes(StandardCharsets.UTF_8), "row-1");
        assertThatThrownBy(() -> cipher.open(sealed, "row-2")).isInstanceOf(IllegalStateException.class);
        byte[] tampered = sealed.bytes().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(new VaultCipher.Sealed("k1", tampered), "row-1"))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatesOneKeyFileAndReusesIt() throws Exception {
        VaultCipher first = new VaultCipher(new VaultProperties(Map.of(), null), directory);
        VaultCipher.Sealed sealed = first.seal(new byte[] { 7 }, "row");
        assertThat(Files.exists(directory.resolve("vault.key"))).isTrue();
        VaultCipher second = new VaultCipher(new VaultProperties(Map.of(), null), directory);
        assertThat(second.open(sealed, "row")).containsExactly(7);
    }

}
