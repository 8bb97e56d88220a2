package kr.gyeol.vault;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.vault.jdbc.BillingKeyRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payple's password simple-pay: a six-digit password the customer sets when registering,
 * asked for before each window re-payment with the key. Five wrong tries in a row lock
 * it.
 *
 * <p>
 * Passwords are stored as salted PBKDF2-HMAC-SHA256. With a million possible passwords no
 * hash withstands someone holding the table, so what protects a password is the lockout,
 * checked under a row lock so parallel guesses are counted one by one.
 */
@Service
public class PaymentPasswords {

    /** Wrong tries in a row that lock a password. */
    public static final int MAX_FAILURES = 5;

    private static final int ITERATIONS = 210_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The answer to a password check. */
    public enum Check {

        ACCEPTED, WRONG, LOCKED, NOT_SET

    }

    /**
     * A password check and the tries left before the lock.
     */
    public record Result(Check check, int triesLeft) {
    }

    private final BillingKeyRepository keys;

    PaymentPasswords(BillingKeyRepository keys) {
        this.keys = keys;
    }

    /** Whether {@code password} can be set: exactly six digits. */
    public static boolean isValid(String password) {
        return password != null && password.matches("[0-9]{6}");
    }

    /** Sets (or resets) a key's password and clears its failures. */
    public void set(PartnerId partnerId, BillingKeyId keyId, String password) {
        if (!isValid(password)) {
            throw new IllegalArgumentException("A payment password is six digits");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String hash = "pbkdf2-sha256$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
        if (!this.keys.setPassword(keyId, partnerId, hash)) {
            throw new RegistrationRejected(RegistrationRejected.Reason.KEY_NOT_FOUND);
        }
    }

    /** Whether the key has a password that is not locked. */
    public Check state(PartnerId partnerId, BillingKeyId keyId) {
        return this.keys.password(keyId, partnerId, false)
            .map((stored) -> stored.hash() == null ? Check.NOT_SET
                    : stored.failures() >= MAX_FAILURES ? Check.LOCKED : Check.ACCEPTED)
            .orElse(Check.NOT_SET);
    }

    /**
     * Checks a password under a row lock on the key, counting a wrong one and clearing
     * the count on a right one.
     */
    @Transactional
    public Result check(PartnerId partnerId, BillingKeyId keyId, String password) {
        BillingKeyRepository.StoredPassword stored = this.keys.password(keyId, partnerId, true).orElse(null);
        if (stored == null || stored.hash() == null) {
            return new Result(Check.NOT_SET, 0);
        }
        if (stored.failures() >= MAX_FAILURES) {
            return new Result(Check.LOCKED, 0);
        }
        if (matches(stored.hash(), password)) {
            if (stored.failures() > 0) {
                this.keys.recordPasswordFailures(keyId, 0);
            }
            return new Result(Check.ACCEPTED, MAX_FAILURES);
        }
        int failures = stored.failures() + 1;
        this.keys.recordPasswordFailures(keyId, failures);
        return failures >= MAX_FAILURES ? new Result(Check.LOCKED, 0)
                : new Result(Check.WRONG, MAX_FAILURES - failures);
    }

    private static boolean matches(String stored, String password) {
        if (password == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", ex);
        }
        finally {
            spec.clearPassword();
        }
    }

}
