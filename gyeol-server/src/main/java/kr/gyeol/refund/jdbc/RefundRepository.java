package kr.gyeol.refund.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    public void insertPending(Refund refund) {
        jdbc.sql("""
                INSERT INTO refunds (id, payment_id, status, amount, vat, network_reference, requested_at)
                VALUES (:id, :paymentId, 'PENDING', :amount, :vat, :reference, :requestedAt)
                """)
            .param("id", refund.id())
            .param("paymentId", refund.paymentId())
            .param("amount", refund.amount())
            .param("vat", refund.vat())
            .param("reference", refund.networkReference())
            .param("requestedAt", utc(refund.requestedAt()))
            .update();
    }

    /** {@code from} → {@code to}; false when the refund was no longer in {@code from}. */
    public boolean transition(String id, RefundStatus from, RefundStatus to, Instant at) {
        if (!from.canBecome(to)) {
            throw new IllegalStateException("A refund cannot go from " + from + " to " + to);
        }
        return jdbc.sql("""
                UPDATE refunds SET status = :to,
                    completed_at = CASE WHEN :to = 'UNKNOWN' THEN NULL ELSE :at END
                WHERE id = :id AND status = :from
                """)
            .param("to", to.name())
            .param("at", utc(at))
            .param("id", id)
            .param("from", from.name())
            .update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
