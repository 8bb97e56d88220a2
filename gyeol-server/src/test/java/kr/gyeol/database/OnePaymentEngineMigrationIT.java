package kr.gyeol.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database of the release before the one payment engine, with overseas payments and
 * cancels in their own tables, keeps every row when it is migrated: they become payments
 * and refunds of the {@code GPAY} API in their currency, and the old tables are gone.
 */
class OnePaymentEngineMigrationIT {

    private static final String BEFORE_THE_MERGE = "20261202170000";

    private final MigrationSchema schema = new MigrationSchema("engine_migration");

    @AfterEach
    void dropSchema() throws SQLException {
        this.schema.close();
    }

    @Test
    void overseasRowsBecomePaymentsAndRefundsOfTheGpayApi() throws SQLException {
        this.schema.migrate(BEFORE_THE_MERGE);
        this.schema.execute("""
                INSERT INTO partners (id, secret_hash, refund_key_hash, mode, referer_check, created_at, updated_at)
                VALUES ('shop', 'x', 'x', 'TEST', 'LENIENT', now(), now());
                INSERT INTO billing_keys (id, partner_id, instrument, status, key_id, ciphertext, masked_number,
                                          institution_code, institution_name, holder_type, created_at)
                VALUES ('key-1', 'shop', 'CARD', 'ACTIVE', 'k', '\\x00', '4242-****-****-4242', '', '', 'PERSONAL',
                        now());
                INSERT INTO payments (id, partner_id, order_id, billing_key_id, instrument, masked_number,
                                      institution_code, institution_name, status, amount, vat, taxable, goods,
                                      monthly, cash_receipt, network_reference, requested_at, completed_at)
                VALUES ('domestic-1', 'shop', 'order-1', 'key-1', 'CARD', '4242-****-****-4242', '', '',
                        'APPROVED', 1000, 91, TRUE, 'Plan', FALSE, FALSE, '111', now(), now());
                INSERT INTO gpay_payments (id, partner_id, service_oid, billing_key_id, status, currency, amount,
                                           comments, first_name, last_name, email, masked_number, service_define,
                                           result_url, network_reference, requested_at, completed_at)
                VALUES ('2000000000000000000001', 'shop', 'order-1', 'key-1', 'APPROVED', 'USD', 2000, 'Plan',
                        'Gil-dong', 'Hong', 'hong@example.com', '4242-****-****-4242', 'echo',
                        'https://shop.example/result', '222', now(), now()),
                       ('2000000000000000000002', 'shop', 'order-2', 'key-1', 'DECLINED', 'USD', 100, 'Plan',
                        NULL, NULL, NULL, '4242-****-****-4242', NULL, NULL, '333', now(), now());
                UPDATE gpay_payments SET decline_code = 'CVC', decline_message = 'bad code'
                WHERE id = '2000000000000000000002';
                INSERT INTO gpay_cancels (id, payment_id, status, amount, comments, network_reference,
                                          requested_at, completed_at)
                VALUES ('3000000000000000000001', '2000000000000000000001', 'APPROVED', 500, 'partly', '444',
                        now(), now());
                """);
        this.schema.migrate(null);
        assertThat(this.schema.row("SELECT api, currency, amount, order_id, goods, payer_first_name,"
                + " payer_last_name, payer_name, payer_email, service_define, result_url, status"
                + " FROM payments WHERE id = '2000000000000000000001'"))
            .containsExactly(Map.entry("api", "GPAY"), Map.entry("currency", "USD"), Map.entry("amount", "2000"),
                    Map.entry("order_id", "order-1"), Map.entry("goods", "Plan"),
                    Map.entry("payer_first_name", "Gil-dong"), Map.entry("payer_last_name", "Hong"),
                    Map.entry("payer_name", "Gil-dong Hong"), Map.entry("payer_email", "hong@example.com"),
                    Map.entry("service_define", "echo"), Map.entry("result_url", "https://shop.example/result"),
                    Map.entry("status", "APPROVED"));
        assertThat(this.schema.row("SELECT status, decline_reason, decline_code, decline_message FROM payments"
                + " WHERE id = '2000000000000000000002'"))
            .containsExactly(Map.entry("status", "DECLINED"), Map.entry("decline_reason", "GENERIC"),
                    Map.entry("decline_code", "CVC"), Map.entry("decline_message", "bad code"));
        assertThat(this.schema.row("SELECT api, currency, amount, vat, comments, payment_id, status FROM refunds"
                + " WHERE id = '3000000000000000000001'"))
            .containsExactly(Map.entry("api", "GPAY"), Map.entry("currency", "USD"), Map.entry("amount", "500"),
                    Map.entry("vat", "0"), Map.entry("comments", "partly"),
                    Map.entry("payment_id", "2000000000000000000001"), Map.entry("status", "APPROVED"));
        assertThat(this.schema.row("SELECT api, currency FROM payments WHERE id = 'domestic-1'"))
            .as("a domestic payment with the same order id stays beside it")
            .containsExactly(Map.entry("api", "PAYPLE"), Map.entry("currency", "KRW"));
        assertThat(this.schema.row("SELECT count(*) AS tables FROM information_schema.tables"
                + " WHERE table_schema = '${schema}' AND table_name LIKE 'gpay\\_%'"
                + " AND table_name NOT IN ('gpay_services', 'gpay_tokens')"))
            .containsExactly(Map.entry("tables", "0"));
    }

}
