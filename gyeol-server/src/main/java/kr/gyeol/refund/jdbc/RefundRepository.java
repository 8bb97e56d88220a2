package kr.gyeol.refund.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.refund.Refund;
import kr.gyeol.refund.RefundStatus;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.PaymentId;
import kr.gyeol.shared.RefundId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code refunds}. Every status change is a conditional update on the current
 * status.
 */
@Repository
public class RefundRepository {

    private static final String COLUMNS = """
            r.id, r.payment_id, r.status, r.amount, r.currency, r.vat, r.network_reference, r.requested_at,
            r.completed_at, r.comments""";

    /** Sums of the refunds that count against a payment. */
    public record Totals(long amount, long vat) {
    }

    /**
     * An unsettled refund claimed for settlement, with the trade number of the payment it
     * cancels, the payment's partner and API, and how often it has been tried.
     */
    public record Claimed(Refund refund, String originalReference, PartnerId partnerId, PaymentApi api, int attempts) {
    }

    private final JdbcClient jdbc;

    public RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is refunded or on its way: every refund that is not DECLINED. */
    public Totals counted(PaymentId paymentId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) AS amount, COALESCE(SUM(vat), 0) AS vat
                FROM refunds WHERE payment_id = :paymentId AND status <> 'DECLINED'
                """)
            .param("paymentId", paymentId.value())
            .query((row, n) -> new Totals(row.getLong("amount"), row.getLong("vat")))
            .single();
    }

    public void insertPending(Refund refund, PaymentApi api, Instant reconcileAfter) {
        jdbc.sql("""
                INSERT INTO refunds (id, payment_id, status, amount, currency, vat, network_reference, requested_at,
                                     comments, api, reconcile_after)
                VALUES (:id, :paymentId, 'PENDING', :amount, :currency, :vat, :reference, :requestedAt,
                        :comments, :api, :reconcileAfter)
                """)
            .param("id", refund.id().value())
            .param("paymentId", refund.paymentId().value())
            .param("amount", refund.amount().amount())
            .param("currency", refund.amount().currency().getCurrencyCode())
            .param("vat", refund.vat().amount())
            .param("reference", refund.networkReference())
            .param("requestedAt", utc(refund.requestedAt()))
            .param("comments", refund.comments())
            .param("api", api.name())
            .param("reconcileAfter", utc(reconcileAfter))
            .update();
    }

    /**
     * {@code from} → {@code to}; false when the refund was no longer in {@code from}. An
     * UNKNOWN refund is asked about again after {@code reconcileAfter}.
     */
    public boolean transition(RefundId id, RefundStatus from, RefundStatus to, Instant at, Instant reconcileAfter) {
        from.requireCanBecome(to);
        boolean unknown = to == RefundStatus.UNKNOWN;
        return this.jdbc.sql("""
                UPDATE refunds SET status = :to, completed_at = :completedAt,
                    reconcile_after = :reconcileAfter
                WHERE id = :id AND status = :from
                """)
            .param("to", to.name())
            .param("completedAt", unknown ? null : utc(at))
            .param("reconcileAfter", unknown ? utc(reconcileAfter) : null)
            .param("id", id.value())
            .param("from", from.name())
            .update() == 1;
    }

    /** A refund by its id. */
    public Optional<Refund> find(RefundId id) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM refunds r WHERE r.id = :id")
            .param("id", id.value())
            .query(RefundRepository::map)
            .optional();
    }

    /** Every refund of a payment, whatever became of it, oldest first. */
    public List<Refund> allOf(PaymentId paymentId) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM refunds r WHERE r.payment_id = :paymentId ORDER BY r.requested_at, r.id")
            .param("paymentId", paymentId.value())
            .query(RefundRepository::map)
            .list();
    }

    /** The approved refunds of a payment, oldest first. */
    public List<Refund> approvedOf(PaymentId paymentId) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM refunds r WHERE r.payment_id = :paymentId AND r.status = 'APPROVED'"
                    + " ORDER BY r.completed_at, r.id")
            .param("paymentId", paymentId.value())
            .query(RefundRepository::map)
            .list();
    }

    /**
     * Makes the partner's refunds whose outcome is unknown due now (a test's "settle
     * now"); how many.
     */
    public int unknownDueNow(PartnerId partnerId, Instant now) {
        return this.jdbc
            .sql("UPDATE refunds r SET reconcile_after = :now FROM payments p WHERE p.id = r.payment_id"
                    + " AND p.partner_id = :partnerId AND r.status = 'UNKNOWN' AND r.reconcile_after > :now")
            .param("now", utc(now))
            .param("partnerId", partnerId.value())
            .update();
    }

    /**
     * Claims up to {@code limit} unsettled refunds that are due, pushing their next turn
     * to {@code leaseUntil} and counting the try; {@code SKIP LOCKED} keeps nodes from
     * claiming the same row.
     */
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return this.jdbc.sql("""
                UPDATE refunds r SET reconcile_after = :leaseUntil, settle_attempts = r.settle_attempts + 1
                FROM payments p
                WHERE p.id = r.payment_id AND r.id IN (
                    SELECT id FROM refunds
                    WHERE status IN ('PENDING', 'UNKNOWN') AND reconcile_after <= :now
                    ORDER BY reconcile_after LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING p.network_reference AS original_reference, p.partner_id, r.api, r.settle_attempts,
                """ + COLUMNS)
            .param("leaseUntil", utc(leaseUntil))
            .param("now", utc(now))
            .param("limit", limit)
            .query((row, n) -> new Claimed(map(row, n), row.getString("original_reference"),
                    PartnerId.of(row.getString("partner_id")), PaymentApi.valueOf(row.getString("api")),
                    row.getInt("settle_attempts")))
            .list();
    }

    /**
     * Puts an unsettled refund back in line, or with {@code null} out of line until an
     * operator looks at it.
     */
    public void postpone(RefundId id, Instant reconcileAfter) {
        this.jdbc.sql("""
                UPDATE refunds SET reconcile_after = :reconcileAfter
                WHERE id = :id AND status IN ('PENDING', 'UNKNOWN')
                """).param("reconcileAfter", utc(reconcileAfter)).param("id", id.value()).update();
    }

    private static Refund map(ResultSet row, int rowNumber) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        return new Refund(RefundId.of(row.getString("id")), PaymentId.of(row.getString("payment_id")),
                RefundStatus.valueOf(row.getString("status")), new Money(row.getLong("amount"), currency),
                new Money(row.getLong("vat"), currency), row.getString("network_reference"),
                instant(row.getTimestamp("requested_at")), instant(row.getTimestamp("completed_at")),
                row.getString("comments"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
    }

}
