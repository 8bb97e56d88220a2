-- A payment's cash receipt (현금영수증, spec §1.12, §4.8): issued automatically for an account
-- payment with PCD_TAXSAVE_FLAG=Y or later with TSREG, cancelled with TSCANCEL or by a refund
-- (a partial refund re-issues it for what remains). The identity number is kept masked only.
ALTER TABLE payments
    ADD COLUMN receipt_status       TEXT CHECK (receipt_status IN ('ISSUED', 'CANCELLED')),
    ADD COLUMN receipt_number       TEXT,
    ADD COLUMN receipt_amount       BIGINT,
    ADD COLUMN receipt_vat          BIGINT,
    ADD COLUMN receipt_use          TEXT CHECK (receipt_use IN ('PERSONAL', 'COMPANY')),
    ADD COLUMN receipt_identity     TEXT,
    ADD COLUMN receipt_issued_at    TIMESTAMPTZ,
    ADD COLUMN receipt_cancelled_at TIMESTAMPTZ,
    ADD CONSTRAINT payments_receipt_complete CHECK (receipt_status IS NULL
        OR (receipt_number IS NOT NULL AND receipt_amount > 0 AND receipt_vat >= 0
            AND receipt_vat <= receipt_amount AND receipt_amount <= amount AND receipt_use IS NOT NULL
            AND receipt_issued_at IS NOT NULL));
