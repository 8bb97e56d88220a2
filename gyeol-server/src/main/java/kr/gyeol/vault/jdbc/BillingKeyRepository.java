package kr.gyeol.vault.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import kr.gyeol.keyring.VaultCipher.Sealed;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Payer;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.BillingKeyStatus;
import kr.gyeol.vault.HolderType;
import kr.gyeol.vault.PendingAccountRegistration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code billing_keys} and {@code account_registrations}. */
@Repository
public class BillingKeyRepository implements kr.gyeol.shared.ExpiringRows {

    /** A key with its sealed instrument. */
    public record KeyWithSecret(BillingKey key, Sealed sealed) {
    }

    /** A pending account registration with its sealed account. */
    public record PendingRow(String requestNumber, String maskedNumber, String bankCode, String bankName,
            HolderType holderType, Payer payer, Sealed sealed, Instant expiresAt, BillingKeyId billingKeyId) {
    }

    private static final String COLUMNS = """
            id, partner_id, instrument, status, key_id, ciphertext, masked_number, institution_code,
            institution_name, holder_type, payer_no, payer_name, payer_phone, payer_email, created_at
            """;

    private final JdbcClient jdbc;

    public BillingKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(BillingKey key, Sealed sealed) {
        jdbc.sql("INSERT INTO billing_keys (" + COLUMNS + """
                ) VALUES (:id, :partnerId, :instrument, :status, :keyId, :ciphertext, :masked,
                          :institutionCode, :institutionName, :holderType, :payerNo, :payerName,
                          :payerPhone, :payerEmail, :createdAt)
                """)
            .param("id", key.id().value())
            .param("partnerId", key.partnerId().value())
            .param("instrument", key.type().name())
            .param("status", key.status().name())
            .param("keyId", sealed.keyId())
            .param("ciphertext", sealed.bytes())
            .param("masked", key.maskedNumber())
            .param("institutionCode", key.institutionCode())
            .param("institutionName", key.institutionName())
            .param("holderType", key.holderType().name())
            .param("payerNo", key.payer().number())
            .param("payerName", key.payer().name())
            .param("payerPhone", key.payer().phone())
            .param("payerEmail", key.payer().email())
            .param("createdAt", utc(key.createdAt()))
            .update();
    }

    public Optional<BillingKey> find(BillingKeyId id) {
        return findWithSecret(id).map(KeyWithSecret::key);
    }

    public Optional<KeyWithSecret> findWithSecret(BillingKeyId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_keys WHERE id = :id")
            .param("id", id.value())
            .query(BillingKeyRepository::map)
            .optional();
    }

    /** A page of a partner's keys, newest first. */
    public java.util.List<BillingKey> listOf(PartnerId partnerId, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM billing_keys WHERE partner_id = :partner ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
            .param("partner", partnerId.value())
            .param("limit", limit)
            .param("offset", offset)
            .query(BillingKeyRepository::map)
            .list()
            .stream()
            .map(KeyWithSecret::key)
            .toList();
    }

    /**
     * The partner's key whose SHA-256 (of its UTF-8 text, in hex) is {@code digest}: the
     * console names a key in its forms by this, never by the key itself. It reads the
     * partner's keys (their index) and hashes each; a revocation from the console is
     * rare.
     */
    public Optional<BillingKeyId> findByDigest(PartnerId partnerId, String digest) {
        return jdbc
            .sql("SELECT id FROM billing_keys WHERE partner_id = :partner"
                    + " AND encode(sha256(convert_to(id, 'UTF8')), 'hex') = :digest")
            .param("partner", partnerId.value())
            .param("digest", digest)
            .query((row, n) -> BillingKeyId.of(row.getString("id")))
            .optional();
    }

    /** Reads a key under a share lock that a revocation has to wait for. */
    public Optional<KeyWithSecret> findForShare(BillingKeyId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_keys WHERE id = :id FOR SHARE")
            .param("id", id.value())
            .query(BillingKeyRepository::map)
            .optional();
    }

    /**
     * Forgets account registrations, with their encrypted accounts, that expired before
     * {@code cutoff}; a completed one lives on in its billing key.
     */
    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM account_registrations WHERE expires_at < :cutoff")
            .param("cutoff", utc(cutoff))
            .update();
    }

    /**
     * A key's payment password hash (null when none is set) and its wrong tries in a row.
     */
    public record StoredPassword(String hash, int failures) {
    }

    /** Sets an active key's password hash and clears its failures. */
    public boolean setPassword(BillingKeyId id, PartnerId partnerId, String hash) {
        return jdbc.sql("""
                UPDATE billing_keys SET password_hash = :hash, password_failures = 0
                WHERE id = :id AND partner_id = :partnerId AND status = 'ACTIVE'
                """).param("hash", hash).param("id", id.value()).param("partnerId", partnerId.value()).update() == 1;
    }

    /** An active key's password, row-locked for the caller's transaction when asked. */
    public Optional<StoredPassword> password(BillingKeyId id, PartnerId partnerId, boolean lock) {
        return jdbc
            .sql("SELECT password_hash, password_failures FROM billing_keys"
                    + " WHERE id = :id AND partner_id = :partnerId AND status = 'ACTIVE'" + (lock ? " FOR UPDATE" : ""))
            .param("id", id.value())
            .param("partnerId", partnerId.value())
            .query((row, n) -> new StoredPassword(row.getString("password_hash"), row.getInt("password_failures")))
            .optional();
    }

    public void recordPasswordFailures(BillingKeyId id, int failures) {
        jdbc.sql("UPDATE billing_keys SET password_failures = :failures WHERE id = :id")
            .param("failures", failures)
            .param("id", id.value())
            .update();
    }

    /**
     * ACTIVE → REVOKED; false when the key was not active (already revoked, or
     * another's).
     */
    public boolean revoke(BillingKeyId id, PartnerId partnerId, Instant now) {
        return jdbc.sql("""
                UPDATE billing_keys SET status = 'REVOKED', revoked_at = :now
                WHERE id = :id AND partner_id = :partnerId AND status = 'ACTIVE'
                """).param("now", utc(now)).param("id", id.value()).param("partnerId", partnerId.value()).update() == 1;
    }

    public void insertPendingAccount(PartnerId partnerId, PendingAccountRegistration pending, HolderType holderType,
            Payer payer, Sealed sealed, Instant now) {
        jdbc.sql("""
                INSERT INTO account_registrations (id, partner_id, request_number, key_id, ciphertext,
                    masked_number, institution_code, institution_name, holder_type, payer_no,
                    payer_name, payer_phone, payer_email, created_at, expires_at)
                VALUES (:id, :partnerId, :requestNumber, :keyId, :ciphertext, :masked, :bankCode,
                        :bankName, :holderType, :payerNo, :payerName, :payerPhone, :payerEmail, :now,
                        :expiresAt)
                """)
            .param("id", pending.id())
            .param("partnerId", partnerId.value())
            .param("requestNumber", pending.requestNumber())
            .param("keyId", sealed.keyId())
            .param("ciphertext", sealed.bytes())
            .param("masked", pending.maskedNumber())
            .param("bankCode", pending.bankCode())
            .param("bankName", pending.bankName())
            .param("holderType", holderType.name())
            .param("payerNo", payer.number())
            .param("payerName", payer.name())
            .param("payerPhone", payer.phone())
            .param("payerEmail", payer.email())
            .param("now", utc(now))
            .param("expiresAt", utc(pending.expiresAt()))
            .update();
    }

    /**
     * Counts a wrong ARS number keyed for a registration that no key came from yet;
     * returns the wrong tries so far, or -1 when there is no such registration.
     */
    public int recordArsFailure(PartnerId partnerId, String id) {
        return jdbc.sql("""
                UPDATE account_registrations SET ars_failures = ars_failures + 1
                WHERE id = :id AND partner_id = :partnerId AND billing_key_id IS NULL
                RETURNING ars_failures
                """).param("id", id).param("partnerId", partnerId.value()).query(Integer.class).optional().orElse(-1);
    }

    public Optional<PendingRow> findPendingAccount(PartnerId partnerId, String id) {
        return jdbc.sql("""
                SELECT request_number, masked_number, institution_code, institution_name, holder_type,
                       payer_no, payer_name, payer_phone, payer_email, key_id, ciphertext, expires_at,
                       billing_key_id
                FROM account_registrations WHERE id = :id AND partner_id = :partnerId
                """)
            .param("id", id)
            .param("partnerId", partnerId.value())
            .query((row, n) -> new PendingRow(row.getString("request_number"), row.getString("masked_number"),
                    row.getString("institution_code"), row.getString("institution_name"),
                    HolderType.valueOf(row.getString("holder_type")), payer(row),
                    new Sealed(row.getString("key_id"), row.getBytes("ciphertext")),
                    row.getTimestamp("expires_at").toInstant(),
                    BillingKeyId.ofNullable(row.getString("billing_key_id"))))
            .optional();
    }

    /**
     * Binds a pending registration to its billing key once; false if already bound or
     * expired.
     */
    public boolean claimPendingAccount(String id, BillingKeyId billingKeyId, Instant now) {
        return jdbc.sql("""
                UPDATE account_registrations SET billing_key_id = :billingKeyId
                WHERE id = :id AND billing_key_id IS NULL AND expires_at > :now
                """).param("billingKeyId", billingKeyId.value()).param("id", id).param("now", utc(now)).update() == 1;
    }

    private static KeyWithSecret map(ResultSet row, int rowNumber) throws SQLException {
        BillingKey key = new BillingKey(BillingKeyId.of(row.getString("id")), PartnerId.of(row.getString("partner_id")),
                InstrumentType.valueOf(row.getString("instrument")), BillingKeyStatus.valueOf(row.getString("status")),
                row.getString("masked_number"), row.getString("institution_code"), row.getString("institution_name"),
                HolderType.valueOf(row.getString("holder_type")), payer(row),
                row.getTimestamp("created_at").toInstant());
        return new KeyWithSecret(key, new Sealed(row.getString("key_id"), row.getBytes("ciphertext")));
    }

    private static Payer payer(ResultSet row) throws SQLException {
        return new Payer(row.getString("payer_no"), row.getString("payer_name"), row.getString("payer_phone"),
                row.getString("payer_email"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
