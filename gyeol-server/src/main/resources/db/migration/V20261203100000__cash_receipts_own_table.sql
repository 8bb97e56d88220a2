-- Cash receipts (현금영수증) become their own ledger: one row per receipt issued, so a receipt that
-- a partial refund cancelled and re-issued for what remains keeps both rows. At most one receipt
-- of a payment stands (ISSUED) at a time. The identity number is kept masked only.
CREATE TABLE cash_receipts (
    number       TEXT PRIMARY KEY,
    -- The order receipts were issued in, whatever the clock said.
    seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    payment_id   TEXT        NOT NULL REFERENCES payments (id),
    status       TEXT        NOT NULL CHECK (status IN ('ISSUED', 'CANCELLED')),
    amount       BIGINT      NOT NULL CHECK (amount > 0),
    vat          BIGINT      NOT NULL CHECK (vat >= 0 AND vat <= amount),
    use          TEXT        NOT NULL CHECK (use IN ('PERSONAL', 'COMPANY')),
    identity     TEXT,
    issued_at    TIMESTAMPTZ NOT NULL,
    cancelled_at TIMESTAMPTZ,
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);

CREATE UNIQUE INDEX cash_receipts_one_standing ON cash_receipts (payment_id) WHERE status = 'ISSUED';
CREATE INDEX cash_receipts_of_payment ON cash_receipts (payment_id, seq DESC);

-- The receipt each payment carried so far (the latest one; earlier re-issued ones were overwritten).
INSERT INTO cash_receipts (number, payment_id, status, amount, vat, use, identity, issued_at, cancelled_at)
SELECT receipt_number, id, receipt_status, receipt_amount, receipt_vat, receipt_use, receipt_identity,
       receipt_issued_at, CASE WHEN receipt_status = 'CANCELLED' THEN COALESCE(receipt_cancelled_at, receipt_issued_at) END
FROM payments
WHERE receipt_status IS NOT NULL;

ALTER TABLE payments
    DROP CONSTRAINT payments_receipt_complete,
    DROP COLUMN receipt_status,
    DROP COLUMN receipt_number,
    DROP COLUMN receipt_amount,
    DROP COLUMN receipt_vat,
    DROP COLUMN receipt_use,
    DROP COLUMN receipt_identity,
    DROP COLUMN receipt_issued_at,
    DROP COLUMN receipt_cancelled_at;
