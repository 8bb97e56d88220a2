package kr.gyeol.partner;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.keyring.VaultCipher;
import org.springframework.stereotype.Component;

/**
 * AuthKeys that carry their own proof, so issuing one writes nothing. An AuthKey is a
 * random nonce and AES-256-GCM over the partner, the operation, the expiry and the
 * context, under a key derived from the vault key (every node that shares the vault keys
 * reads every node's AuthKeys); it is opaque to the partner, and a changed or forged one
 * fails its tag. Each AuthKey is sealed under a key of its own, the HMAC of its nonce, so
 * GCM's limit on random IVs under one key never comes near. The session's stand-ins for
 * {@code cst_id} and {@code custKey} are MACs of the nonce under a second derived key, so
 * they are derived again instead of stored. Single use is the nonce's row in
 * {@code auth_key_uses}, written by the call that spends it.
 *
 * <p>
 * Layout, base64url without padding: the header — version (1), length of the vault key id
 * (1), the key id, the nonce (16) — then the ciphertext and its tag (16) of: the expiry
 * in epoch seconds (8), then the partner id, the operation name and the context, each as
 * a two-byte length and UTF-8 (length 0xFFFF for no context). The header is the GCM's
 * associated data; the IV is zero, as each AuthKey's key seals that one AuthKey.
 */
@Component
class AuthKeys {

    /** What an AuthKey says, once its tag held. */
    record Claims(byte[] nonce, Instant expiresAt, PartnerId partnerId, String operation, String context,
            String partnerToken, String secretToken) {
    }

    /** A new AuthKey and what it says. */
    record Issued(String authKey, Claims claims) {
    }

    private static final byte VERSION = 1;

    private static final int NONCE_BYTES = 16;

    /** Each AuthKey's own key seals one message only, so its IV may be constant. */
    private static final byte[] IV = new byte[12];

    private static final int TAG_BITS = 128;

    private static final int NO_CONTEXT = 0xFFFF;

    private final VaultCipher vault;

    /**
     * Derived keys by vault key id, of configured vault keys only (a presented AuthKey
     * names any id it likes): [0] seals AuthKeys, [1] derives the tokens.
     */
    private final Map<String, byte[][]> derived = new ConcurrentHashMap<>();

    AuthKeys(VaultCipher vault) {
        this.vault = vault;
    }

    /** A new AuthKey with its claims. */
    Issued issue(PartnerId partnerId, String operation, String context, Instant expiresAt) {
        String keyId = vault.activeKeyId();
        byte[][] keys = keys(keyId).orElseThrow();
        byte[] nonce = Tokens.randomBytes(NONCE_BYTES);
        ByteArrayOutputStream payload = new ByteArrayOutputStream(64);
        payload.writeBytes(ByteBuffer.allocate(8).putLong(expiresAt.getEpochSecond()).array());
        writeString(payload, partnerId.value());
        writeString(payload, operation);
        writeString(payload, context);
        byte[] header = header(keyId, nonce);
        byte[] sealed;
        try {
            sealed = gcm(Cipher.ENCRYPT_MODE, Tokens.hmacSha256(keys[0], nonce), header, payload.toByteArray());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        ByteBuffer out = ByteBuffer.allocate(header.length + sealed.length);
        out.put(header).put(sealed);
        return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(out.array()),
                new Claims(nonce, Instant.ofEpochSecond(expiresAt.getEpochSecond()), partnerId, operation, context,
                        token(keys[1], 'c', nonce), token(keys[1], 'k', nonce)));
    }

    /**
     * The claims of an AuthKey this gateway (or a node sharing its vault keys) issued;
     * empty for anything else, expired or not (the caller checks the expiry).
     */
    Optional<Claims> read(String authKey) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(authKey));
            if (in.remaining() < 2 + NONCE_BYTES + TAG_BITS / 8 || in.get() != VERSION) {
                return Optional.empty();
            }
            byte[] keyIdBytes = new byte[Byte.toUnsignedInt(in.get())];
            in.get(keyIdBytes);
            String keyId = new String(keyIdBytes, StandardCharsets.UTF_8);
            Optional<byte[][]> keys = keys(keyId);
            if (keys.isEmpty()) {
                return Optional.empty();
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            ByteBuffer payload = ByteBuffer
                .wrap(gcm(Cipher.DECRYPT_MODE, Tokens.hmacSha256(keys.get()[0], nonce), header(keyId, nonce), sealed));
            Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
            PartnerId partnerId = PartnerId.of(readString(payload));
            String operation = readString(payload);
            String context = readString(payload);
            return Optional.of(new Claims(nonce, expiresAt, partnerId, operation, context,
                    token(keys.get()[1], 'c', nonce), token(keys.get()[1], 'k', nonce)));
        }
        catch (IllegalArgumentException | java.nio.BufferUnderflowException | GeneralSecurityException e) {
            // Not base64, too short, or a tag that does not hold: not one of ours.
            return Optional.empty();
        }
    }

    /** How many vault key ids have derived keys here: configured ones only. */
    int derivedKeyIds() {
        return derived.size();
    }

    private Optional<byte[][]> keys(String keyId) {
        byte[][] known = derived.get(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> sealing = vault.derive(keyId, "gyeol auth-key v1");
        if (sealing.isEmpty()) {
            return Optional.empty();
        }
        byte[][] keys = { sealing.get(), vault.derive(keyId, "gyeol auth-key tokens v1").orElseThrow() };
        derived.putIfAbsent(keyId, keys);
        return Optional.of(keys);
    }

    private static byte[] header(String keyId, byte[] nonce) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        if (id.length > 255) {
            throw new IllegalStateException("A vault key id longer than 255 bytes cannot name an AuthKey's key");
        }
        byte[] header = new byte[2 + id.length + nonce.length];
        header[0] = VERSION;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        System.arraycopy(nonce, 0, header, 2 + id.length, nonce.length);
        return header;
    }

    private static byte[] gcm(int mode, byte[] key, byte[] header, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, IV));
        cipher.updateAAD(header);
        return cipher.doFinal(input);
    }

    /**
     * A session's stand-in for cst_id ('c') or custKey ('k'): 32 characters, as long as
     * Payple's.
     */
    private static String token(byte[] key, char kind, byte[] nonce) {
        byte[] tag = Tokens.hmacSha256(key, new byte[] { (byte) kind }, nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(tag, 24));
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(NO_CONTEXT >>> 8);
            out.write(NO_CONTEXT & 0xFF);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= NO_CONTEXT) {
            throw new IllegalArgumentException("An AuthKey's field is too long");
        }
        out.write(bytes.length >>> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    private static String readString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length == NO_CONTEXT) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
