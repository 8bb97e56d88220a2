package kr.gyeol.gpay.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import kr.gyeol.gpay.GpayCancel;
import kr.gyeol.gpay.GpayPayment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code gpay_payments}. */
@Repository
public class GpayRepository {

    private static final String COLUMNS = """
            id, partner_id, service_oid, billing_key_id, status, currency, amount, comments, first_name, last_name,
            email, masked_number, service_define, result_url, network_reference, decline_code, decline_message,
            requested_at, completed_at""";

    private final JdbcClient jdbc;

    public GpayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a PENDING payment; false when its {@code service_oid} is taken. */
    public boolean insertPending(GpayPayment payment, Instant stuckAfter) {
        return this.jdbc.sql("INSERT INTO gpay_payments (" + COLUMNS + """
                , reconcile_after) VALUES (:id, :partnerId, :oid, :key, 'PENDING', :currency, :amount, :comments,
                          :firstName, :lastName, :email, :masked, :define, :resultUrl, :reference, NULL, NULL,
                          :requestedAt, NULL, :stuckAfter)
                ON CONFLICT (partner_id, service_oid) DO NOTHING
                """)
            .param("id", payment.id())
            .param("partnerId", payment.partnerId())
            .param("oid", payment.serviceOid())
            .param("key", payment.billingKeyId())
            .param("currency", payment.currency())
            .param("amount", payment.amount())
            .param("comments", payment.comments())
            .param("firstName", payment.firstName())
            .param("lastName", payment.lastName())
            .param("email", payment.email())
            .param("masked", payment.maskedNumber())
            .param("define", payment.serviceDefine())
            .param("resultUrl", payment.resultUrl())
            .param("reference", payment.networkReference())
            .param("requestedAt", utc(payment.requestedAt()))
            .param("stuckAfter", utc(stuckAfter))
            .update() == 1;
    }

    /**
     * {@code from} → the network's answer; an UNKNOWN one waits for the reconciler until
     * {@code reconcileAfter}. False when the payment was no longer {@code from}.
     */
    public boolean settle(String id, String from, String status, String declineCode, String declineMessage, Instant at,
            Instant reconcileAfter) {
        return this.jdbc.sql("""
                UPDATE gpay_payments SET status = :status, decline_code = :code, decline_message = :message,
                    completed_at = :at, reconcile_after = :reconcileAfter
                WHERE id = :id AND status = :from
                """)
            .param("status", status)
            .param("code", declineCode)
            .param("message", declineMessage)
            .param("at", "UNKNOWN".equals(status) ? null : utc(at))
            .param("reconcileAfter", utc(reconcileAfter))
            .param("id", id)
            .param("from", from)
            .update() == 1;
    }

    /** Claims unsettled payments that are due, leasing them until {@code leaseUntil}. */
    public java.util.List<GpayPayment> claimDue(Instant now, Instant leaseUntil, int limit) {
        return this.jdbc.sql("UPDATE gpay_payments SET reconcile_after = :leaseUntil WHERE id IN (" + """
                SELECT id FROM gpay_payments
                WHERE status IN ('PENDING', 'UNKNOWN') AND reconcile_after <= :now
                ORDER BY reconcile_after LIMIT :limit FOR UPDATE SKIP LOCKED)
                """ + " RETURNING " + COLUMNS)
            .param("leaseUntil", utc(leaseUntil))
            .param("now", utc(now))
            .param("limit", limit)
            .query(GpayRepository::map)
            .list();
    }

    /**
     * The first payment of a billing key: the window's, whose payer later payments
     * default to.
     */
    public Optional<GpayPayment> firstOf(String billingKeyId) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM gpay_payments WHERE billing_key_id = :key ORDER BY requested_at LIMIT 1")
            .param("key", billingKeyId)
            .query(GpayRepository::map)
            .optional();
    }

    public Optional<GpayPayment> find(String id) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM gpay_payments WHERE id = :id")
            .param("id", id)
            .query(GpayRepository::map)
            .optional();
    }

    /** A partner's payment by {@code pay_id} or, without one, by {@code service_oid}. */
    public Optional<GpayPayment> find(String partnerId, String payId, String serviceOid) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM gpay_payments WHERE partner_id = :partnerId AND "
                    + (payId != null ? "id = :key" : "service_oid = :key"))
            .param("partnerId", partnerId)
            .param("key", payId != null ? payId : serviceOid)
            .query(GpayRepository::map)
            .optional();
    }

    /** Reads and row-locks a partner's payment for the caller's transaction. */
    public Optional<GpayPayment> lock(String partnerId, String payId, String serviceOid) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM gpay_payments WHERE partner_id = :partnerId AND "
                    + (payId != null ? "id = :key" : "service_oid = :key") + " FOR UPDATE")
            .param("partnerId", partnerId)
            .param("key", payId != null ? payId : serviceOid)
            .query(GpayRepository::map)
            .optional();
    }

    /** What the cancels of a payment take from it: all but the declined ones. */
    public long cancelled(String paymentId) {
        return this.jdbc
            .sql("SELECT COALESCE(SUM(amount), 0) FROM gpay_cancels WHERE payment_id = :id AND status <> 'DECLINED'")
            .param("id", paymentId)
            .query(Long.class)
            .single();
    }

    public void insertCancel(String id, String paymentId, long amount, String comments, String reference, Instant now,
            Instant stuckAfter) {
        this.jdbc.sql("""
                INSERT INTO gpay_cancels (id, payment_id, status, amount, comments, network_reference, requested_at,
                                          reconcile_after)
                VALUES (:id, :paymentId, 'PENDING', :amount, :comments, :reference, :now, :stuckAfter)
                """)
            .param("stuckAfter", utc(stuckAfter))
            .param("id", id)
            .param("paymentId", paymentId)
            .param("amount", amount)
            .param("comments", comments)
            .param("reference", reference)
            .param("now", utc(now))
            .update();
    }

    /** The trade number a cancel was sent to the network with. */
    public String cancelReference(String id) {
        return this.jdbc.sql("SELECT network_reference FROM gpay_cancels WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    /** A cancel with its payment. */
    public Optional<GpayCancel> findCancel(String id) {
        return this.jdbc.sql("""
                SELECT id, payment_id, status, amount, requested_at, completed_at FROM gpay_cancels WHERE id = :id
                """)
            .param("id", id)
            .query((row,
                    n) -> new Object[] { row.getString("id"), row.getString("payment_id"), row.getString("status"),
                            row.getLong("amount"), instant(row.getTimestamp("requested_at")),
                            instant(row.getTimestamp("completed_at")) })
            .optional()
            .flatMap((row) -> find((String) row[1]).map((payment) -> new GpayCancel((String) row[0], payment,
                    (String) row[2], (Long) row[3], (Instant) row[4], (Instant) row[5])));
    }

    /**
     * {@code from} → the network's answer; an UNKNOWN one waits for the reconciler until
     * {@code reconcileAfter}. False when the cancel was no longer {@code from}.
     */
    public boolean settleCancel(String id, String from, String status, Instant at, Instant reconcileAfter) {
        return this.jdbc.sql("""
                UPDATE gpay_cancels SET status = :status, completed_at = :at, reconcile_after = :reconcileAfter
                WHERE id = :id AND status = :from
                """)
            .param("status", status)
            .param("at", "UNKNOWN".equals(status) ? null : utc(at))
            .param("reconcileAfter", utc(reconcileAfter))
            .param("id", id)
            .param("from", from)
            .update() == 1;
    }

    /**
     * Claims unsettled cancels that are due, leasing them until {@code leaseUntil}; their
     * ids.
     */
    public java.util.List<String> claimDueCancels(Instant now, Instant leaseUntil, int limit) {
        return this.jdbc.sql("""
                UPDATE gpay_cancels SET reconcile_after = :leaseUntil WHERE id IN (
                    SELECT id FROM gpay_cancels
                    WHERE status IN ('PENDING', 'UNKNOWN') AND reconcile_after <= :now
                    ORDER BY reconcile_after LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id
                """)
            .param("leaseUntil", utc(leaseUntil))
            .param("now", utc(now))
            .param("limit", limit)
            .query(String.class)
            .list();
    }

    private static GpayPayment map(ResultSet row, int rowNumber) throws SQLException {
        return new GpayPayment(row.getString("id"), row.getString("partner_id"), row.getString("service_oid"),
                row.getString("billing_key_id"), row.getString("status"), row.getString("currency"),
                row.getLong("amount"), row.getString("comments"), row.getString("first_name"),
                row.getString("last_name"), row.getString("email"), row.getString("masked_number"),
                row.getString("service_define"), row.getString("result_url"), row.getString("network_reference"),
                row.getString("decline_code"), row.getString("decline_message"),
                instant(row.getTimestamp("requested_at")), instant(row.getTimestamp("completed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
