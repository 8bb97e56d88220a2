-- Cancels of overseas payments: full or partial, in the payment's currency, never above what
-- remains (counted under the payment's row lock).
CREATE TABLE gpay_cancels (
    id                TEXT PRIMARY KEY,
    payment_id        TEXT NOT NULL REFERENCES gpay_payments (id),
    status            TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'UNKNOWN')),
    amount            BIGINT NOT NULL CHECK (amount > 0),
    comments          TEXT,
    network_reference TEXT NOT NULL UNIQUE,
    requested_at      TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ
);
CREATE INDEX gpay_cancels_payment ON gpay_cancels (payment_id);
