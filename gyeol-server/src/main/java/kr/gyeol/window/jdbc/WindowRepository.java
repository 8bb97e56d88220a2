package kr.gyeol.window.jdbc;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.PartnerId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import kr.gyeol.shared.PaymentId;
import kr.gyeol.window.WindowStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code window_sessions} and {@code payment_confirmations}. */
@Repository
public class WindowRepository implements kr.gyeol.shared.ExpiringRows {

    /** A window row: its partner and the request as stored JSON. */
    public record WindowRow(String id, PartnerId partnerId, String request, Instant expiresAt) {
    }

    /**
     * A claimed confirmation: of a billing key, or of an app card (as stored JSON).
     */
    public record ConfirmationRow(String windowId, BillingKeyId billingKeyId, String appCard) {
    }

    private final JdbcClient jdbc;

    public WindowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, PartnerId partnerId, String request, Instant now, Instant expiresAt) {
        this.jdbc.sql("""
                INSERT INTO window_sessions (id, partner_id, status, request, created_at, expires_at)
                VALUES (:id, :partnerId, 'OPEN', :request, :now, :expiresAt)
                """)
            .param("id", id)
            .param("partnerId", partnerId.value())
            .param("request", request)
            .param("now", utc(now))
            .param("expiresAt", utc(expiresAt))
            .update();
    }

    /** An open, unexpired window. */
    public Optional<WindowRow> findOpen(String id, Instant now) {
        return this.jdbc.sql("""
                SELECT id, partner_id, request, expires_at FROM window_sessions
                WHERE id = :id AND status = 'OPEN' AND expires_at > :now
                """).param("id", id).param("now", utc(now)).query(WindowRepository::map).optional();
    }

    /** Remembers the pending account registration of an open window. */
    public boolean attachAccountRegistration(String id, String registrationId, Instant now) {
        return this.jdbc.sql("""
                UPDATE window_sessions SET account_registration_id = :registrationId
                WHERE id = :id AND status = 'OPEN' AND expires_at > :now
                """).param("registrationId", registrationId).param("id", id).param("now", utc(now)).update() == 1;
    }

    /** The pending account registration of a window, if one was started. */
    public Optional<String> accountRegistration(String id) {
        return this.jdbc.sql("SELECT account_registration_id FROM window_sessions WHERE id = :id")
            .param("id", id)
            .query((row, n) -> Optional.ofNullable(row.getString("account_registration_id")))
            .optional()
            .flatMap((value) -> value);
    }

    /** OPEN → PROCESSING, once: a double submit finds nothing to claim. */
    public Optional<WindowRow> claim(String id, Instant now) {
        WindowStatus.OPEN.requireCanBecome(WindowStatus.PROCESSING);
        return this.jdbc.sql("""
                UPDATE window_sessions SET status = :to
                WHERE id = :id AND status = :from AND expires_at > :now
                RETURNING id, partner_id, request, expires_at
                """)
            .param("to", WindowStatus.PROCESSING.name())
            .param("from", WindowStatus.OPEN.name())
            .param("id", id)
            .param("now", utc(now))
            .query(WindowRepository::map)
            .optional();
    }

    /** PROCESSING → COMPLETED. */
    public void complete(String id) {
        transition(id, WindowStatus.PROCESSING, WindowStatus.COMPLETED);
    }

    /** OPEN → CLOSED; false when the window was not open. */
    public boolean close(String id) {
        return transition(id, WindowStatus.OPEN, WindowStatus.CLOSED);
    }

    private boolean transition(String id, WindowStatus from, WindowStatus to) {
        from.requireCanBecome(to);
        return this.jdbc.sql("UPDATE window_sessions SET status = :to WHERE id = :id AND status = :from")
            .param("to", to.name())
            .param("from", from.name())
            .param("id", id)
            .update() == 1;
    }

    /** A window whatever its state. */
    public Optional<WindowRow> find(String id) {
        return this.jdbc.sql("SELECT id, partner_id, request, expires_at FROM window_sessions WHERE id = :id")
            .param("id", id)
            .query(WindowRepository::map)
            .optional();
    }

    public void insertConfirmation(String requestKey, PartnerId partnerId, String windowId, BillingKeyId billingKeyId,
            String appCard, Instant now, Instant expiresAt) {
        this.jdbc.sql("""
                INSERT INTO payment_confirmations (request_key, partner_id, window_id, billing_key_id, app_card,
                                                   created_at, expires_at)
                VALUES (:requestKey, :partnerId, :windowId, :billingKeyId, :appCard, :now, :expiresAt)
                """)
            .param("appCard", appCard)
            .param("requestKey", requestKey)
            .param("partnerId", partnerId.value())
            .param("windowId", windowId)
            .param("billingKeyId", BillingKeyId.valueOf(billingKeyId))
            .param("now", utc(now))
            .param("expiresAt", utc(expiresAt))
            .update();
    }

    /** Claims a live confirmation once; a second confirmation finds nothing. */
    public Optional<ConfirmationRow> claimConfirmation(String requestKey, PartnerId partnerId, Instant now) {
        return this.jdbc.sql("""
                UPDATE payment_confirmations SET claimed_at = :now
                WHERE request_key = :requestKey AND partner_id = :partnerId
                  AND claimed_at IS NULL AND expires_at > :now
                RETURNING window_id, billing_key_id, app_card
                """)
            .param("now", utc(now))
            .param("requestKey", requestKey)
            .param("partnerId", partnerId.value())
            .query((row, n) -> new ConfirmationRow(row.getString("window_id"),
                    BillingKeyId.ofNullable(row.getString("billing_key_id")), row.getString("app_card")))
            .optional();
    }

    public void recordConfirmedPayment(String requestKey, PaymentId paymentId) {
        this.jdbc.sql("UPDATE payment_confirmations SET payment_id = :paymentId WHERE request_key = :requestKey")
            .param("paymentId", paymentId.value())
            .param("requestKey", requestKey)
            .update();
    }

    /**
     * Forgets windows that expired before {@code cutoff}, with their confirmations;
     * returns how many windows.
     */
    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return this.jdbc.sql("DELETE FROM window_sessions WHERE expires_at < :cutoff")
            .param("cutoff", utc(cutoff))
            .update();
    }

    private static WindowRow map(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new WindowRow(row.getString("id"), PartnerId.of(row.getString("partner_id")), row.getString("request"),
                row.getTimestamp("expires_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
