package kr.gyeol.payment.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import kr.gyeol.payment.CashReceipt;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.PaymentId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cash_receipts} ledger: one row per receipt issued. */
@Repository
public class CashReceiptRepository {

    private static final String COLUMNS = "number, payment_id, status, amount, vat, use, identity, issued_at,"
            + " cancelled_at";

    private final JdbcClient jdbc;

    CashReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new standing receipt; false when the payment has one standing already
     * (the partial unique index {@code cash_receipts_one_standing}).
     */
    public boolean insert(CashReceipt receipt) {
        return this.jdbc
            .sql("INSERT INTO cash_receipts (" + COLUMNS + ")"
                    + " VALUES (:number, :paymentId, 'ISSUED', :amount, :vat, :use, :identity, :issuedAt, NULL)"
                    + " ON CONFLICT (payment_id) WHERE status = 'ISSUED' DO NOTHING")
            .param("number", receipt.number())
            .param("paymentId", receipt.paymentId().value())
            .param("amount", receipt.amount().amount())
            .param("vat", receipt.vat().amount())
            .param("use", receipt.use().name())
            .param("identity", receipt.maskedIdentity())
            .param("issuedAt", utc(receipt.issuedAt()))
            .update() == 1;
    }

    /** Cancels the payment's standing receipt; false when none stands. */
    public boolean cancelStanding(PaymentId paymentId, Instant at) {
        return this.jdbc.sql("""
                UPDATE cash_receipts SET status = 'CANCELLED', cancelled_at = :at
                WHERE payment_id = :paymentId AND status = 'ISSUED'
                """).param("at", utc(at)).param("paymentId", paymentId.value()).update() == 1;
    }

    /** The payment's latest receipt, standing or cancelled. */
    public Optional<CashReceipt> latest(PaymentId paymentId) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM cash_receipts WHERE payment_id = :paymentId"
                    + " ORDER BY seq DESC LIMIT 1")
            .param("paymentId", paymentId.value())
            .query(CashReceiptRepository::map)
            .optional();
    }

    /** Every receipt of the payment, oldest first. */
    public List<CashReceipt> all(PaymentId paymentId) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM cash_receipts WHERE payment_id = :paymentId ORDER BY seq")
            .param("paymentId", paymentId.value())
            .query(CashReceiptRepository::map)
            .list();
    }

    /**
     * A page of a partner's receipts, issued and cancelled, by their payments newest
     * first (the index of a partner's payments by time leads).
     */
    public List<CashReceipt> listOf(kr.gyeol.shared.PartnerId partnerId, int limit, int offset) {
        String columns = java.util.Arrays.stream(COLUMNS.split(","))
            .map((column) -> "c." + column.trim())
            .collect(java.util.stream.Collectors.joining(", "));
        return this.jdbc.sql("SELECT " + columns + " FROM payments p JOIN cash_receipts c ON c.payment_id = p.id"
                + " WHERE p.partner_id = :partner ORDER BY p.requested_at DESC, c.seq DESC LIMIT :limit OFFSET :offset")
            .param("partner", partnerId.value())
            .param("limit", limit)
            .param("offset", offset)
            .query(CashReceiptRepository::map)
            .list();
    }

    private static CashReceipt map(ResultSet row, int rowNumber) throws SQLException {
        Timestamp cancelled = row.getTimestamp("cancelled_at");
        return new CashReceipt(PaymentId.of(row.getString("payment_id")),
                CashReceipt.Status.valueOf(row.getString("status")), row.getString("number"),
                Money.won(row.getLong("amount")), Money.won(row.getLong("vat")),
                CashReceipt.Use.valueOf(row.getString("use")), row.getString("identity"),
                row.getTimestamp("issued_at").toInstant(), cancelled == null ? null : cancelled.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
