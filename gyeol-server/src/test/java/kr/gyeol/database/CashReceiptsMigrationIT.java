package kr.gyeol.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database of the release that kept cash receipts in columns of {@code payments} keeps
 * every receipt when it is migrated: each becomes a row of {@code cash_receipts},
 * standing or cancelled as it was, and the columns are gone.
 */
class CashReceiptsMigrationIT {

    private static final String BEFORE_THE_LEDGER = "20261203000000";

    private final MigrationSchema schema = new MigrationSchema("receipt_migration");

    @AfterEach
    void dropSchema() throws SQLException {
        this.schema.close();
    }

    @Test
    void receiptColumnsBecomeLedgerRows() throws SQLException {
        this.schema.migrate(BEFORE_THE_LEDGER);
        this.schema.execute("""
                INSERT INTO partners (id, secret_hash, refund_key_hash, mode, referer_check, created_at, updated_at)
                VALUES ('shop', 'x', 'x', 'TEST', 'LENIENT', now(), now());
                INSERT INTO billing_keys (id, partner_id, instrument, status, key_id, ciphertext, masked_number,
                                          institution_code, institution_name, holder_type, created_at)
                VALUES ('key-1', 'shop', 'BANK_ACCOUNT', 'ACTIVE', 'k', '\\x00', '110-***-***901', '004', 'KB',
                        'PERSONAL', now());
                INSERT INTO payments (id, partner_id, order_id, billing_key_id, instrument, masked_number,
                                      institution_code, institution_name, status, amount, vat, taxable, goods,
                                      monthly, cash_receipt, network_reference, requested_at, completed_at,
                                      receipt_status, receipt_number, receipt_amount, receipt_vat, receipt_use,
                                      receipt_identity, receipt_issued_at, receipt_cancelled_at)
                VALUES ('standing', 'shop', 'order-1', 'key-1', 'BANK_ACCOUNT', '110-***-***901', '004', 'KB',
                        'APPROVED', 1000, 91, TRUE, 'Plan', FALSE, TRUE, '111', now(), now(),
                        'ISSUED', 'test00000000000001', 1000, 91, 'PERSONAL', '010-****-5678',
                        '2026-12-01T00:00:00Z', NULL),
                       ('cancelled', 'shop', 'order-2', 'key-1', 'BANK_ACCOUNT', '110-***-***901', '004', 'KB',
                        'APPROVED', 2000, 182, TRUE, 'Plan', FALSE, TRUE, '222', now(), now(),
                        'CANCELLED', 'test00000000000002', 2000, 182, 'COMPANY', NULL,
                        '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z'),
                       ('none', 'shop', 'order-3', 'key-1', 'BANK_ACCOUNT', '110-***-***901', '004', 'KB',
                        'APPROVED', 3000, 273, TRUE, 'Plan', FALSE, FALSE, '333', now(), now(),
                        NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
                """);
        this.schema.migrate(null);
        assertThat(this.schema.row("SELECT payment_id, status, amount, vat, use, identity, cancelled_at IS NULL AS"
                + " stands FROM cash_receipts WHERE number = 'test00000000000001'"))
            .containsExactly(Map.entry("payment_id", "standing"), Map.entry("status", "ISSUED"),
                    Map.entry("amount", "1000"), Map.entry("vat", "91"), Map.entry("use", "PERSONAL"),
                    Map.entry("identity", "010-****-5678"), Map.entry("stands", "t"));
        assertThat(this.schema.row("SELECT payment_id, status, use, cancelled_at IS NOT NULL AS cancelled"
                + " FROM cash_receipts WHERE number = 'test00000000000002'"))
            .containsExactly(Map.entry("payment_id", "cancelled"), Map.entry("status", "CANCELLED"),
                    Map.entry("use", "COMPANY"), Map.entry("cancelled", "t"));
        assertThat(this.schema.row("SELECT count(*) AS receipts FROM cash_receipts"))
            .containsExactly(Map.entry("receipts", "2"));
        assertThat(this.schema.row("SELECT count(*) AS columns FROM information_schema.columns"
                + " WHERE table_schema = '${schema}' AND table_name = 'payments' AND column_name LIKE 'receipt\\_%'"))
            .containsExactly(Map.entry("columns", "0"));
    }

}
