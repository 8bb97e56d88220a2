package kr.gyeol.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random identifiers and one-way hashes of secrets. */
public final class Tokens {

    /**
     * DRBG (NIST SP 800-90A) is seeded once and then runs in memory; the platform default
     * on Linux reads /dev/urandom under a global lock for every call, which showed up as
     * system time under load.
     */
    private static final SecureRandom RANDOM = drbg();

    /**
     * Copied for each hash: a copy costs less than a lookup among the JDK's providers,
     * which showed in profiles of the charge path.
     */
    private static final MessageDigest SHA_256 = prototype(() -> MessageDigest.getInstance("SHA-256"));

    private static final javax.crypto.Mac HMAC_SHA_256 = prototype(() -> javax.crypto.Mac.getInstance("HmacSHA256"));

    private Tokens() {
    }

    private interface Lookup<T> {

        T find() throws NoSuchAlgorithmException;

    }

    private static <T> T prototype(Lookup<T> lookup) {
        try {
            return lookup.find();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256 and HmacSHA256", e);
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        }
        catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /**
     * A URL-unsafe but JSON-safe base64 token of {@code bytes} random bytes (Payple's
     * shape).
     */
    public static String base64(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    /** A base64url token without padding, for ids that travel in paths. */
    public static String urlSafe(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** {@code length} random decimal digits. */
    public static String digits(int length) {
        byte[] random = randomBytes(length);
        StringBuilder digits = new StringBuilder(length);
        for (byte b : random) {
            // 250 of the 256 byte values map evenly onto ten digits; the six others are
            // drawn again.
            int value = b & 0xff;
            while (value >= 250) {
                value = RANDOM.nextInt(256);
            }
            digits.append((char) ('0' + value % 10));
        }
        return digits.toString();
    }

    public static byte[] randomBytes(int length) {
        byte[] value = new byte[length];
        RANDOM.nextBytes(value);
        return value;
    }

    public static byte[] sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] value) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(value);
        }
        catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's SHA-256 copies itself", e);
        }
    }

    /** HMAC-SHA256 under {@code key} of the {@code parts}, one after another. */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            javax.crypto.Mac mac = (javax.crypto.Mac) HMAC_SHA_256.clone();
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        }
        catch (java.security.GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * A salted SHA-256 of a high-entropy API secret, as {@code sha256:<salt>:<hash>}. A
     * slow password hash would add tens of milliseconds to every call that presents raw
     * credentials; API secrets are not guessable words, so a fast salted hash is the
     * usual choice for them.
     */
    public static String hashSecret(String secret) {
        byte[] salt = randomBytes(16);
        return "sha256:" + HexFormat.of().formatHex(salt) + ":" + saltedHash(salt, secret);
    }

    /**
     * Whether two secrets are equal, in time that does not depend on where they differ.
     */
    public static boolean equalSecrets(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Compares a presented secret to a stored {@link #hashSecret} value in constant time.
     */
    public static boolean matchesSecret(String stored, String presented) {
        if (stored == null || presented == null) {
            return false;
        }
        String[] parts = stored.split(":");
        if (parts.length != 3 || !parts[0].equals("sha256")) {
            return false;
        }
        byte[] salt = HexFormat.of().parseHex(parts[1]);
        return MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
                saltedHash(salt, presented).getBytes(StandardCharsets.US_ASCII));
    }

    private static String saltedHash(byte[] salt, String secret) {
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[salt.length + secretBytes.length];
        System.arraycopy(salt, 0, input, 0, salt.length);
        System.arraycopy(secretBytes, 0, input, salt.length, secretBytes.length);
        return HexFormat.of().formatHex(sha256(input));
    }

}
