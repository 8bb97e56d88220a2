package kr.gyeol.subscription.jdbc;

import kr.gyeol.shared.SubscriptionId;
import kr.gyeol.shared.InvoiceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import kr.gyeol.shared.Money;
import kr.gyeol.subscription.Invoice;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code invoices} and {@code invoice_attempts}. */
@Repository
public class InvoiceRepository {

    private static final String COLUMNS = "id, subscription_id, period_number, period_start, period_end, amount,"
            + " currency, status, attempts, first_failed_at, next_retry_at, created_at, paid_at";

    private static final String ATTEMPT_COLUMNS = "invoice_id, number, order_id, payment_id, status, decline_reason,"
            + " hard, attempted_at, settled_at";

    private final JdbcClient jdbc;

    public InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a period's invoice; false when that period already has one. */
    public boolean insert(Invoice invoice, String partnerId) {
        try {
            this.jdbc
                .sql("INSERT INTO invoices (" + COLUMNS + ", partner_id) VALUES (:id, :subscriptionId,"
                        + " :periodNumber, :periodStart, :periodEnd, :amount, :currency, :status, 0, NULL, NULL,"
                        + " :createdAt, :paidAt, :partnerId)")
                .param("id", invoice.id().value())
                .param("subscriptionId", invoice.subscriptionId().value())
                .param("periodNumber", invoice.periodNumber())
                .param("periodStart", Rows.utc(invoice.periodStart()))
                .param("periodEnd", Rows.utc(invoice.periodEnd()))
                .param("amount", invoice.amount().amount())
                .param("currency", invoice.amount().currency().getCurrencyCode())
                .param("status", invoice.status().name())
                .param("createdAt", Rows.utc(invoice.createdAt()))
                .param("paidAt", Rows.utc(invoice.paidAt()))
                .param("partnerId", partnerId)
                .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    public Optional<Invoice> open(SubscriptionId subscriptionId) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoices WHERE subscription_id = :id AND status = 'OPEN'")
            .param("id", subscriptionId.value())
            .query(InvoiceRepository::map)
            .optional();
    }

    /** The latest invoice that is no longer open (e.g. to reopen after a new key). */
    public Optional<Invoice> latest(SubscriptionId subscriptionId) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM invoices WHERE subscription_id = :id"
                    + " ORDER BY period_number DESC LIMIT 1")
            .param("id", subscriptionId.value())
            .query(InvoiceRepository::map)
            .optional();
    }

    /** Records where an invoice stands after an attempt. */
    public void update(InvoiceId id, Invoice.Status status, int attempts, Instant firstFailedAt, Instant nextRetryAt,
            Instant paidAt) {
        this.jdbc.sql("""
                UPDATE invoices SET status = :status, attempts = :attempts, first_failed_at = :firstFailedAt,
                       next_retry_at = :nextRetryAt, paid_at = :paidAt
                WHERE id = :id
                """)
            .param("id", id.value())
            .param("status", status.name())
            .param("attempts", attempts)
            .param("firstFailedAt", Rows.utc(firstFailedAt))
            .param("nextRetryAt", Rows.utc(nextRetryAt))
            .param("paidAt", Rows.utc(paidAt))
            .update();
    }

    /** A subscription's invoices, newest first, each with its attempts. */
    public List<Invoice> ofSubscription(SubscriptionId subscriptionId, int limit) {
        List<Invoice> invoices = this.jdbc
            .sql("SELECT " + COLUMNS + " FROM invoices WHERE subscription_id = :id"
                    + " ORDER BY period_number DESC LIMIT :limit")
            .param("id", subscriptionId.value())
            .param("limit", limit)
            .query(InvoiceRepository::map)
            .list();
        if (invoices.isEmpty()) {
            return invoices;
        }
        Map<InvoiceId, List<Invoice.Attempt>> attempts = this.jdbc
            .sql("SELECT " + ATTEMPT_COLUMNS + " FROM invoice_attempts WHERE invoice_id IN (:ids) ORDER BY number")
            .param("ids", invoices.stream().map((invoice) -> invoice.id().value()).toList())
            .query((row, n) -> Map.entry(InvoiceId.of(row.getString("invoice_id")), attempt(row)))
            .list()
            .stream()
            .collect(Collectors.groupingBy(Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return invoices.stream()
            .map((invoice) -> invoice.withHistory(attempts.getOrDefault(invoice.id(), List.of())))
            .toList();
    }

    /** Writes an attempt before its charge; false when that attempt number exists. */
    public boolean insertAttempt(InvoiceId invoiceId, Invoice.Attempt attempt) {
        try {
            this.jdbc
                .sql("INSERT INTO invoice_attempts (" + ATTEMPT_COLUMNS + ") VALUES (:invoiceId, :number,"
                        + " :orderId, NULL, :status, NULL, FALSE, :attemptedAt, NULL)")
                .param("invoiceId", invoiceId.value())
                .param("number", attempt.number())
                .param("orderId", attempt.orderId())
                .param("status", attempt.status().name())
                .param("attemptedAt", Rows.utc(attempt.attemptedAt()))
                .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    public Optional<Invoice.Attempt> lastAttempt(InvoiceId invoiceId) {
        return this.jdbc
            .sql("SELECT " + ATTEMPT_COLUMNS + " FROM invoice_attempts WHERE invoice_id = :id"
                    + " ORDER BY number DESC LIMIT 1")
            .param("id", invoiceId.value())
            .query((row, n) -> attempt(row))
            .optional();
    }

    /**
     * Records an attempt's outcome, once: only an attempt still CHARGING or UNKNOWN
     * changes. False when another node recorded it first.
     */
    public boolean settleAttempt(InvoiceId invoiceId, int number, Invoice.AttemptStatus status, String paymentId,
            String declineReason, boolean hard, Instant settledAt) {
        return this.jdbc.sql("""
                UPDATE invoice_attempts SET status = :status, payment_id = COALESCE(:paymentId, payment_id),
                       decline_reason = :reason, hard = :hard, settled_at = :settledAt
                WHERE invoice_id = :invoiceId AND number = :number AND status IN ('CHARGING', 'UNKNOWN')
                """)
            .param("invoiceId", invoiceId.value())
            .param("number", number)
            .param("status", status.name())
            .param("paymentId", paymentId)
            .param("reason", declineReason)
            .param("hard", hard)
            .param("settledAt", Rows.utc(settledAt))
            .update() == 1;
    }

    private static Invoice.Attempt attempt(ResultSet row) throws SQLException {
        return new Invoice.Attempt(row.getInt("number"), row.getString("order_id"), row.getString("payment_id"),
                Invoice.AttemptStatus.valueOf(row.getString("status")), row.getString("decline_reason"),
                row.getBoolean("hard"), Rows.instant(row, "attempted_at"), Rows.instant(row, "settled_at"));
    }

    private static Invoice map(ResultSet row, int rowNumber) throws SQLException {
        return new Invoice(InvoiceId.of(row.getString("id")), SubscriptionId.of(row.getString("subscription_id")),
                row.getInt("period_number"), Rows.instant(row, "period_start"), Rows.instant(row, "period_end"),
                new Money(row.getLong("amount"), Currency.getInstance(row.getString("currency"))),
                Invoice.Status.valueOf(row.getString("status")), row.getInt("attempts"),
                Rows.instant(row, "first_failed_at"), Rows.instant(row, "next_retry_at"),
                Rows.instant(row, "created_at"), Rows.instant(row, "paid_at"), List.of());
    }

}
