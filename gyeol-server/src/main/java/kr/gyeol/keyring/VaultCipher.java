package kr.gyeol.keyring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import kr.gyeol.shared.GatewayProperties;
import kr.gyeol.shared.Tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a key ring. Each ciphertext is stored with the id of the key that made
 * it, so a new active key can be configured while old rows stay readable. Keys come from
 * {@code
 * gyeol.vault.keys.<id>} (base64 of 32 bytes) with {@code gyeol.vault.active-key}; with
 * none configured, a key is generated once into {@code <data-dir>/vault.key}, which suits
 * a sandbox but not several nodes (each would make its own).
 */
@Component
public class VaultCipher {

    /** A ciphertext with the id of its key. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    private static final Logger log = LoggerFactory.getLogger(VaultCipher.class);

    private static final int IV_BYTES = 12;

    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new HashMap<>();

    private final String activeKeyId;

    @Autowired
    VaultCipher(VaultProperties properties, GatewayProperties gateway) {
        this(properties, gateway.dataDir());
    }

    public VaultCipher(VaultProperties properties, Path dataDirectory) {
        if (properties.keys().isEmpty()) {
            Map.Entry<String, String> generated = loadOrCreateKeyFile(dataDirectory.resolve("vault.key"));
            keys.put(generated.getKey(), key(generated.getValue(), generated.getKey()));
            activeKeyId = generated.getKey();
        }
        else {
            properties.keys().forEach((id, value) -> keys.put(id, key(value, id)));
            activeKeyId = properties.activeKey() != null ? properties.activeKey()
                    : properties.keys().keySet().iterator().next();
            if (!keys.containsKey(activeKeyId)) {
                throw new IllegalStateException("gyeol.vault.active-key names no configured key");
            }
        }
    }

    /** The id of the key new ciphertexts are sealed under. */
    public String activeKeyId() {
        return this.activeKeyId;
    }

    /**
     * A 32-byte key for {@code purpose}, derived from vault key {@code keyId} by
     * HMAC-SHA256 (one HKDF expand step), so every node that shares the vault keys
     * derives the same one and a rotation of the vault key rotates it too. Empty when no
     * such key is configured.
     */
    public java.util.Optional<byte[]> derive(String keyId, String purpose) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional
            .of(Tokens.hmacSha256(key.getEncoded(), purpose.getBytes(StandardCharsets.UTF_8), new byte[] { 1 }));
    }

    public Sealed seal(byte[] plaintext, String associatedData) {
        try {
            byte[] iv = Tokens.randomBytes(IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(plaintext);
            byte[] out = new byte[IV_BYTES + encrypted.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(encrypted, 0, out, IV_BYTES, encrypted.length);
            return new Sealed(activeKeyId, out);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] open(Sealed sealed, String associatedData) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException(
                    "No vault key with id " + sealed.keyId() + " is configured; old keys must stay configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.bytes(), IV_BYTES, sealed.bytes().length - IV_BYTES);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("A vault ciphertext failed its integrity check", e);
        }
    }

    private static SecretKey key(String base64, String id) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("Vault key " + id + " must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static Map.Entry<String, String> loadOrCreateKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                String id = "local-" + Tokens.urlSafe(6);
                String line = id + "=" + Base64.getEncoder().encodeToString(Tokens.randomBytes(32)) + "\n";
                Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(temporary, line, StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                catch (UnsupportedOperationException ignored) {
                    // Not a POSIX file system; the directory's own permissions apply.
                }
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                log.warn("Generated a vault key in {}. Configure gyeol.vault.keys for production and for several"
                        + " nodes.", file);
            }
            String line = Files.readString(file, StandardCharsets.US_ASCII).trim();
            int equals = line.indexOf('=');
            return Map.entry(line.substring(0, equals), line.substring(equals + 1));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the vault key file " + file, e);
        }
    }

}
