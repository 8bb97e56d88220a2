package kr.gyeol.refund.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kr.gyeol.refund.Refund;
import kr.gyeol.refund.RefundStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code refunds}. */
@Repository
public class RefundRepository {

    /** Sums of the refunds that count against a payment. */
    public record Totals(long amount, long vat) {
    }

    private final JdbcClient jdbc;

    public RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is refunded or on its way: every refund that is not DECLINED. */
    public Totals counted(String paymentId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) AS amount, COALESCE(SUM(vat), 0) AS vat
                FROM refunds WHERE payment_id = :paymentId AND status <> 'DECLINED'
                """)
            .param("paymentId", paymentId)
            .query((row, n) -> new Totals(row.getLong("amount"), row.getLong("vat")))
            .single();
    }

    /** An unsettled refund with the trade number of the payment it cancels. */
    public record Unsettled(Refund refund, String originalReference) {
    }

    public void insertPending(Refund refund, Instant reconcileAfter) {
        jdbc.sql("""
                INSERT INTO refunds (id, payment_id, status, amount, vat, network_reference, requested_at,
                                     reconcile_after)
                VALUES (:id, :paymentId, 'PENDING', :amount, :vat, :reference, :requestedAt,
                        :reconcileAfter)
                """)
            .param("id", refund.id())
            .param("paymentId", refund.paymentId())
            .param("amount", refund.amount())
            .param("vat", refund.vat())
            .param("reference", refund.networkReference())
            .param("requestedAt", utc(refund.requestedAt()))
            .param("reconcileAfter", utc(reconcileAfter))
            .update();
    }

    /**
     * {@code from} → {@code to}; false when the refund was no longer in {@code from}. An
     * UNKNOWN refund is asked about again after {@code reconcileAfter}.
     */
    public boolean transition(String id, RefundStatus from, RefundStatus to, Instant at, Instant reconcileAfter) {
        if (!from.canBecome(to)) {
            throw new IllegalStateException("A refund cannot go from " + from + " to " + to);
        }
        boolean unknown = to == RefundStatus.UNKNOWN;
        return this.jdbc.sql("""
                UPDATE refunds SET status = :to, completed_at = :completedAt,
                    reconcile_after = :reconcileAfter
                WHERE id = :id AND status = :from
                """)
            .param("to", to.name())
            .param("completedAt", unknown ? null : utc(at))
            .param("reconcileAfter", unknown ? utc(reconcileAfter) : null)
            .param("id", id)
            .param("from", from.name())
            .update() == 1;
    }

    /**
     * Claims up to {@code limit} unsettled refunds that are due, pushing their next turn
     * to {@code leaseUntil}; {@code SKIP LOCKED} keeps nodes from claiming the same row.
     */
    /** A refund by its id. */
    public java.util.Optional<Refund> find(String id) {
        return this.jdbc.sql("""
                SELECT id, payment_id, status, amount, vat, network_reference, requested_at, completed_at
                FROM refunds WHERE id = :id
                """)
            .param("id", id)
            .query((row, n) -> new Refund(row.getString("id"), row.getString("payment_id"),
                    RefundStatus.valueOf(row.getString("status")), row.getLong("amount"), row.getLong("vat"),
                    row.getString("network_reference"), row.getTimestamp("requested_at").toInstant(),
                    row.getTimestamp("completed_at") == null ? null : row.getTimestamp("completed_at").toInstant()))
            .optional();
    }

    public List<Unsettled> claimDue(Instant now, Instant leaseUntil, int limit) {
        return this.jdbc.sql("""
                UPDATE refunds r SET reconcile_after = :leaseUntil
                FROM payments p
                WHERE p.id = r.payment_id AND r.id IN (
                    SELECT id FROM refunds
                    WHERE status IN ('PENDING', 'UNKNOWN') AND reconcile_after <= :now
                    ORDER BY reconcile_after LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING r.id, r.payment_id, r.status, r.amount, r.vat, r.network_reference,
                          r.requested_at, p.network_reference AS original_reference
                """)
            .param("leaseUntil", utc(leaseUntil))
            .param("now", utc(now))
            .param("limit", limit)
            .query((row,
                    n) -> new Unsettled(new Refund(row.getString("id"), row.getString("payment_id"),
                            RefundStatus.valueOf(row.getString("status")), row.getLong("amount"), row.getLong("vat"),
                            row.getString("network_reference"), row.getTimestamp("requested_at").toInstant(), null),
                            row.getString("original_reference")))
            .list();
    }

    /** Puts an unsettled refund back in line. */
    public void postpone(String id, Instant reconcileAfter) {
        this.jdbc.sql("""
                UPDATE refunds SET reconcile_after = :reconcileAfter
                WHERE id = :id AND status IN ('PENDING', 'UNKNOWN')
                """).param("reconcileAfter", utc(reconcileAfter)).param("id", id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
    }

}
