package kr.gyeol.payment.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import kr.gyeol.network.DeclineReason;
import kr.gyeol.payment.AppCardCharge;
import kr.gyeol.payment.Overseas;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentStatus;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Payer;
import kr.gyeol.shared.PaymentId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code payments}. Every status change is a conditional update on the current
 * status.
 */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            id, partner_id, order_id, billing_key_id, instrument, masked_number, institution_code,
            institution_name, status, amount, vat, taxable, goods, payer_no, payer_name, payer_phone,
            payer_email, user_define1, user_define2, monthly, billing_year, billing_month, cash_receipt,
            cash_receipt_use, network_reference, approval_number, decline_reason, decline_code,
            decline_message, requested_at, completed_at, app_card_token, installment_months, easy_pay,
            api, currency, payer_first_name, payer_last_name, service_define, result_url
            """;

    private final JdbcClient jdbc;

    public PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes a PENDING payment unless its order id or, for a monthly charge, its billing
     * key and month are taken. The unique constraints decide, so concurrent requests
     * cannot both get in.
     * @return false when a unique constraint refused the row
     */
    public boolean insertPending(Payment payment, Instant reconcileAfter) {
        return jdbc
            .sql("INSERT INTO payments (" + COLUMNS
                    + """
                            , reconcile_after) VALUES (:id, :partnerId, :orderId, :billingKeyId,
                              :instrument, :masked, :institutionCode, :institutionName, 'PENDING', :amount,
                              :vat, :taxable, :goods, :payerNo, :payerName, :payerPhone, :payerEmail,
                              :userDefine1, :userDefine2, :monthly, :year, :month, :cashReceipt,
                              :cashReceiptUse, :networkReference, NULL, NULL, NULL, NULL, :requestedAt,
                              NULL, :appCardToken, :installmentMonths, :easyPay, :api, :currency, :firstName, :lastName, :serviceDefine, :resultUrl, :reconcileAfter)
                            ON CONFLICT DO NOTHING
                            """)
            .param("id", payment.id().value())
            .param("partnerId", payment.partnerId().value())
            .param("orderId", payment.orderId().value())
            .param("billingKeyId", BillingKeyId.valueOf(payment.billingKeyId()))
            .param("instrument", payment.instrument().name())
            .param("masked", payment.maskedNumber())
            .param("institutionCode", payment.institutionCode())
            .param("institutionName", payment.institutionName())
            .param("amount", payment.amount().amount())
            .param("currency", payment.amount().currency().getCurrencyCode())
            .param("api", payment.api().name())
            .param("firstName", payment.overseas() == null ? null : payment.overseas().firstName())
            .param("lastName", payment.overseas() == null ? null : payment.overseas().lastName())
            .param("serviceDefine", payment.overseas() == null ? null : payment.overseas().serviceDefine())
            .param("resultUrl", payment.overseas() == null ? null : payment.overseas().resultUrl())
            .param("vat", payment.vat().amount())
            .param("taxable", payment.taxable())
            .param("goods", payment.goods())
            .param("payerNo", payment.payer().number())
            .param("payerName", payment.payer().name())
            .param("payerPhone", payment.payer().phone())
            .param("payerEmail", payment.payer().email())
            .param("userDefine1", payment.userDefine1())
            .param("userDefine2", payment.userDefine2())
            .param("monthly", payment.monthly())
            .param("year", payment.monthly() ? payment.billingPeriod().getYear() : null)
            .param("month", payment.monthly() ? payment.billingPeriod().getMonthValue() : null)
            .param("cashReceipt", payment.cashReceipt())
            .param("cashReceiptUse", payment.cashReceiptUse())
            .param("networkReference", payment.networkReference())
            .param("requestedAt", utc(payment.requestedAt()))
            .param("appCardToken", payment.appCard() == null ? null : payment.appCard().token())
            .param("installmentMonths", payment.appCard() == null ? 0 : payment.appCard().installmentMonths())
            .param("easyPay", payment.appCard() == null ? null : payment.appCard().easyPay())
            .param("reconcileAfter", utc(reconcileAfter))
            .update() == 1;
    }

    public boolean orderIdTaken(PartnerId partnerId, PaymentApi api, OrderId orderId) {
        return jdbc.sql("SELECT 1 FROM payments WHERE partner_id = :partnerId AND api = :api AND order_id = :orderId")
            .param("partnerId", partnerId.value())
            .param("api", api.name())
            .param("orderId", orderId.value())
            .query(Integer.class)
            .optional()
            .isPresent();
    }

    public boolean monthTaken(BillingKeyId billingKeyId, YearMonth period) {
        return jdbc.sql("""
                SELECT 1 FROM payments
                WHERE billing_key_id = :key AND billing_year = :year AND billing_month = :month
                  AND monthly AND status <> 'DECLINED'
                """)
            .param("key", billingKeyId.value())
            .param("year", period.getYear())
            .param("month", period.getMonthValue())
            .query(Integer.class)
            .optional()
            .isPresent();
    }

    /** {@code from} → APPROVED; false when the payment was no longer in {@code from}. */
    public boolean approve(PaymentId id, PaymentStatus from, String approvalNumber, Instant at) {
        from.requireCanBecome(PaymentStatus.APPROVED);
        return jdbc.sql("""
                UPDATE payments SET status = 'APPROVED', approval_number = :approvalNumber,
                    completed_at = :at, reconcile_after = NULL
                WHERE id = :id AND status = :from
                """)
            .param("approvalNumber", approvalNumber)
            .param("at", utc(at))
            .param("id", id.value())
            .param("from", from.name())
            .update() == 1;
    }

    /** {@code from} → DECLINED. */
    public boolean decline(PaymentId id, PaymentStatus from, Payment.Decline decline, Instant at) {
        from.requireCanBecome(PaymentStatus.DECLINED);
        return jdbc.sql("""
                UPDATE payments SET status = 'DECLINED', decline_reason = :reason,
                    decline_code = :code, decline_message = :message, completed_at = :at,
                    reconcile_after = NULL
                WHERE id = :id AND status = :from
                """)
            .param("reason", decline.reason().name())
            .param("code", decline.institutionCode())
            .param("message", decline.institutionMessage())
            .param("at", utc(at))
            .param("id", id.value())
            .param("from", from.name())
            .update() == 1;
    }

    /** PENDING → UNKNOWN, to be asked about after {@code reconcileAfter}. */
    public boolean markUnknown(PaymentId id, Instant reconcileAfter) {
        PaymentStatus.PENDING.requireCanBecome(PaymentStatus.UNKNOWN);
        return jdbc.sql("""
                UPDATE payments SET status = 'UNKNOWN', reconcile_after = :reconcileAfter
                WHERE id = :id AND status = 'PENDING'
                """).param("reconcileAfter", utc(reconcileAfter)).param("id", id.value()).update() == 1;
    }

    /** An unsettled payment claimed for settlement, with how often it has been tried. */
    public record Claimed(Payment payment, int attempts) {
    }

    /**
     * How many payments wait for the reconciler: unknown, or pending past the time a
     * charge may take, and due to be asked about.
     */
    public long countDueForSettlement(Instant now) {
        return jdbc.sql("""
                SELECT count(*) FROM payments
                WHERE status IN ('PENDING', 'UNKNOWN') AND reconcile_after <= :now
                """).param("now", utc(now)).query(Long.class).single();
    }

    /**
     * Makes the partner's payments whose outcome is unknown due now (a test's "settle
     * now"); how many.
     */
    public int unknownDueNow(PartnerId partnerId, Instant now) {
        return jdbc
            .sql("UPDATE payments SET reconcile_after = :now WHERE partner_id = :partnerId"
                    + " AND status = 'UNKNOWN' AND reconcile_after > :now")
            .param("now", utc(now))
            .param("partnerId", partnerId.value())
            .update();
    }

    /**
     * Claims up to {@code limit} unsettled payments that are due, pushing their next turn
     * to {@code leaseUntil} and counting the try. {@code SKIP LOCKED} lets several nodes
     * claim side by side without taking the same row.
     */
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc
            .sql("UPDATE payments SET reconcile_after = :leaseUntil, settle_attempts = settle_attempts + 1"
                    + " WHERE id IN (" + """
                            SELECT id FROM payments
                            WHERE status IN ('PENDING', 'UNKNOWN') AND reconcile_after <= :now
                            ORDER BY reconcile_after LIMIT :limit FOR UPDATE SKIP LOCKED)
                            """ + " RETURNING settle_attempts, " + COLUMNS)
            .param("leaseUntil", utc(leaseUntil))
            .param("now", utc(now))
            .param("limit", limit)
            .query((row, n) -> new Claimed(map(row, n), row.getInt("settle_attempts")))
            .list();
    }

    /**
     * Puts an unsettled payment back in line for a later try, or with {@code null} out of
     * line until an operator looks at it.
     */
    public void postpone(PaymentId id, Instant reconcileAfter) {
        jdbc.sql("""
                UPDATE payments SET reconcile_after = :reconcileAfter
                WHERE id = :id AND status IN ('PENDING', 'UNKNOWN')
                """).param("reconcileAfter", utc(reconcileAfter)).param("id", id.value()).update();
    }

    /**
     * The first overseas payment of a billing key: the window's, whose payer later
     * overseas payments default to.
     */
    public Optional<Payment> firstOverseasOf(BillingKeyId billingKeyId) {
        return jdbc
            .sql("SELECT " + COLUMNS
                    + " FROM payments WHERE billing_key_id = :key AND api = 'GPAY' ORDER BY requested_at, id LIMIT 1")
            .param("key", billingKeyId.value())
            .query(PaymentRepository::map)
            .optional();
    }

    /** Reads and row-locks a payment by its id. */
    public Optional<Payment> lock(PaymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id FOR UPDATE")
            .param("id", id.value())
            .query(PaymentRepository::map)
            .optional();
    }

    public Optional<Payment> find(PaymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id")
            .param("id", id.value())
            .query(PaymentRepository::map)
            .optional();
    }

    public Optional<Payment> findByOrderId(PartnerId partnerId, PaymentApi api, OrderId orderId) {
        return jdbc
            .sql("SELECT " + COLUMNS
                    + " FROM payments WHERE partner_id = :partnerId AND api = :api AND order_id = :orderId")
            .param("partnerId", partnerId.value())
            .param("api", api.name())
            .param("orderId", orderId.value())
            .query(PaymentRepository::map)
            .optional();
    }

    /** Reads and row-locks a payment, serializing refunds of it. */
    public Optional<Payment> lockByOrderId(PartnerId partnerId, PaymentApi api, OrderId orderId) {
        return jdbc
            .sql("SELECT " + COLUMNS
                    + " FROM payments WHERE partner_id = :partnerId AND api = :api AND order_id = :orderId FOR UPDATE")
            .param("partnerId", partnerId.value())
            .param("api", api.name())
            .param("orderId", orderId.value())
            .query(PaymentRepository::map)
            .optional();
    }

    public Optional<Payment> findByNetworkReference(String networkReference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE network_reference = :reference")
            .param("reference", networkReference)
            .query(PaymentRepository::map)
            .optional();
    }

    /**
     * A partner's payments matching a console search, newest first: one page of at most
     * {@code limit} after skipping {@code offset}.
     */
    public List<Payment> search(PartnerId partnerId, kr.gyeol.payment.PaymentSearch search, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + """
                 FROM payments WHERE partner_id = :partner AND requested_at >= :from AND requested_at < :to
                """);
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("partner", partnerId.value());
        params.put("from", utc(search.from()));
        params.put("to", utc(search.to()));
        if (search.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", search.status().name());
        }
        if (search.orderId() != null) {
            // Every API named, so the unique index (partner_id, api, order_id) finds it.
            sql.append(" AND api IN ('PAYPLE', 'GPAY') AND order_id = :orderId");
            params.put("orderId", search.orderId());
        }
        if (search.payerPrefix() != null) {
            sql.append(" AND payer_name LIKE :payer");
            params.put("payer",
                    search.payerPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (search.amount() != null) {
            sql.append(" AND amount = :amount");
            params.put("amount", search.amount());
        }
        if (search.instrument() != null) {
            sql.append(" AND instrument = :instrument");
            params.put("instrument", search.instrument().name());
        }
        sql.append(" ORDER BY requested_at DESC, id LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return this.jdbc.sql(sql.toString()).params(params).query(PaymentRepository::map).list();
    }

    /**
     * A partner's payments per Korean day or hour ({@code unit} is {@code day} or
     * {@code hour}) of {@code [from, to)}: counts by outcome, the approved and the
     * refunded amounts in KRW.
     */
    public List<kr.gyeol.payment.PeriodTotals> totals(PartnerId partnerId, Instant from, Instant to, String unit) {
        if (!unit.equals("day") && !unit.equals("hour")) {
            throw new IllegalArgumentException("A period is a day or an hour");
        }
        // The refunds are added up apart and joined by day: one lookup per refund, not
        // one per payment.
        return this.jdbc.sql("""
                WITH days AS (
                    SELECT date_trunc(:unit, requested_at AT TIME ZONE 'Asia/Seoul') AS day,
                           count(*) AS payments,
                           count(*) FILTER (WHERE status = 'APPROVED') AS approved,
                           count(*) FILTER (WHERE status = 'DECLINED') AS declined,
                           coalesce(sum(amount) FILTER (WHERE status = 'APPROVED' AND currency = 'KRW'), 0)
                               AS approved_amount
                    FROM payments
                    WHERE partner_id = :partner AND requested_at >= :from AND requested_at < :to
                    GROUP BY 1),
                refunded AS (
                    SELECT date_trunc(:unit, p.requested_at AT TIME ZONE 'Asia/Seoul') AS day,
                           sum(r.amount) AS amount
                    FROM refunds r JOIN payments p ON p.id = r.payment_id
                    WHERE r.status = 'APPROVED' AND p.partner_id = :partner AND p.currency = 'KRW'
                      AND p.requested_at >= :from AND p.requested_at < :to
                    GROUP BY 1)
                SELECT d.day, d.payments, d.approved, d.declined, d.approved_amount,
                       coalesce(f.amount, 0) AS refunded_amount
                FROM days d LEFT JOIN refunded f ON f.day = d.day
                ORDER BY d.day
                """)
            .param("partner", partnerId.value())
            .param("from", utc(from))
            .param("to", utc(to))
            .param("unit", unit)
            .query((row, n) -> new kr.gyeol.payment.PeriodTotals(row.getObject("day", java.time.LocalDateTime.class),
                    row.getLong("payments"), row.getLong("approved"), row.getLong("declined"),
                    row.getLong("approved_amount"), row.getLong("refunded_amount")))
            .list();
    }

    /**
     * Why a partner's payments of {@code [from, to)} were declined, most frequent first.
     */
    public List<java.util.Map.Entry<String, Long>> declineReasons(PartnerId partnerId, Instant from, Instant to) {
        return this.jdbc.sql("""
                SELECT coalesce(decline_reason, 'UNKNOWN') AS reason, count(*) AS declines FROM payments
                WHERE partner_id = :partner AND status = 'DECLINED' AND requested_at >= :from AND requested_at < :to
                GROUP BY 1 ORDER BY 2 DESC, 1
                """)
            .param("partner", partnerId.value())
            .param("from", utc(from))
            .param("to", utc(to))
            .query((row, n) -> java.util.Map.entry(row.getString("reason"), row.getLong("declines")))
            .list();
    }

    static Payment map(ResultSet row, int rowNumber) throws SQLException {
        boolean monthly = row.getBoolean("monthly");
        String declineReason = row.getString("decline_reason");
        String appCardToken = row.getString("app_card_token");
        PaymentApi api = PaymentApi.valueOf(row.getString("api"));
        Currency currency = Currency.getInstance(row.getString("currency"));
        Payment.Drawn drawnOn = new Payment.Drawn(InstrumentType.valueOf(row.getString("instrument")),
                BillingKeyId.ofNullable(row.getString("billing_key_id")), row.getString("masked_number"),
                row.getString("institution_code"), row.getString("institution_name"),
                appCardToken == null ? null
                        : new AppCardCharge(appCardToken, row.getString("masked_number"),
                                row.getString("institution_code"), row.getString("institution_name"),
                                row.getInt("installment_months"), row.getString("easy_pay")));
        Payment.Basket basket = new Payment.Basket(row.getString("goods"), new Money(row.getLong("vat"), currency),
                row.getBoolean("taxable"),
                new Payer(row.getString("payer_no"), row.getString("payer_name"), row.getString("payer_phone"),
                        row.getString("payer_email")),
                row.getString("user_define1"), row.getString("user_define2"), row.getBoolean("cash_receipt"),
                row.getString("cash_receipt_use"));
        Payment.Network network = new Payment.Network(row.getString("network_reference"),
                row.getString("approval_number"),
                declineReason == null ? null : new Payment.Decline(DeclineReason.named(declineReason),
                        row.getString("decline_code"), row.getString("decline_message")),
                instant(row.getTimestamp("completed_at")));
        return new Payment(PaymentId.of(row.getString("id")), PartnerId.of(row.getString("partner_id")), api,
                OrderId.of(row.getString("order_id")), PaymentStatus.valueOf(row.getString("status")),
                new Money(row.getLong("amount"), currency), drawnOn, basket,
                monthly ? YearMonth.of(row.getInt("billing_year"), row.getInt("billing_month")) : null, network,
                instant(row.getTimestamp("requested_at")),
                api == PaymentApi.GPAY ? new Overseas(row.getString("payer_first_name"),
                        row.getString("payer_last_name"), row.getString("service_define"), row.getString("result_url"))
                        : null,
                // The receipt is the receipt capability's; PaymentReceipts adds it.
                null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
