package kr.gyeol.link.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import kr.gyeol.link.PaymentLink;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code payment_links}. */
@Repository
public class LinkRepository {

    private final JdbcClient jdbc;

    public LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PaymentLink link) {
        this.jdbc.sql("""
                INSERT INTO payment_links (key, partner_id, order_id, pay_types, goods, amount, taxable, vat,
                                           cash_receipt, memo, billing_year, billing_month, expires_on, created_at)
                VALUES (:key, :partnerId, :orderId, :methods, :goods, :amount, :taxable, :vat, :cashReceipt, :memo,
                        :year, :month, :expiresOn, :createdAt)
                """)
            .param("key", link.key())
            .param("partnerId", link.partnerId().value())
            .param("orderId", link.orderId().value())
            .param("methods", link.methods().stream().map(Enum::name).collect(Collectors.joining(",")))
            .param("goods", link.goods())
            .param("amount", link.amount().amount())
            .param("taxable", link.taxable())
            .param("vat", link.vat() == null ? null : link.vat().amount())
            .param("cashReceipt", link.cashReceipt())
            .param("memo", link.memo())
            .param("year", link.billingPeriod() == null ? null : link.billingPeriod().getYear())
            .param("month", link.billingPeriod() == null ? null : link.billingPeriod().getMonthValue())
            .param("expiresOn", link.expiresOn())
            .param("createdAt", link.createdAt().atOffset(ZoneOffset.UTC))
            .update();
    }

    public Optional<PaymentLink> find(String key) {
        return this.jdbc.sql("""
                SELECT key, partner_id, order_id, pay_types, goods, amount, taxable, vat, cash_receipt, memo,
                       billing_year, billing_month, expires_on, created_at
                FROM payment_links WHERE key = :key
                """).param("key", key).query(LinkRepository::map).optional();
    }

    /** A page of a partner's links, newest first. */
    public java.util.List<PaymentLink> listOf(PartnerId partnerId, int limit, int offset) {
        return this.jdbc.sql("""
                SELECT key, partner_id, order_id, pay_types, goods, amount, taxable, vat, cash_receipt, memo,
                       billing_year, billing_month, expires_on, created_at
                FROM payment_links WHERE partner_id = :partner ORDER BY created_at DESC, key LIMIT :limit OFFSET :offset
                """)
            .param("partner", partnerId.value())
            .param("limit", limit)
            .param("offset", offset)
            .query(LinkRepository::map)
            .list();
    }

    private static PaymentLink map(ResultSet row, int rowNumber) throws SQLException {
        Integer year = (Integer) row.getObject("billing_year");
        return new PaymentLink(row.getString("key"), PartnerId.of(row.getString("partner_id")),
                OrderId.of(row.getString("order_id")),
                Arrays.stream(row.getString("pay_types").split(",")).map(PaymentLink.Method::valueOf).toList(),
                row.getString("goods"), Money.won(row.getLong("amount")), row.getBoolean("taxable"),
                row.getObject("vat") == null ? null : Money.won(row.getLong("vat")), row.getBoolean("cash_receipt"),
                row.getString("memo"), year == null ? null : YearMonth.of(year, row.getInt("billing_month")),
                row.getObject("expires_on", java.time.LocalDate.class), row.getTimestamp("created_at").toInstant());
    }

}
