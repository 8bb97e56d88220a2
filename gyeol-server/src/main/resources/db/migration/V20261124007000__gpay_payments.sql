-- Overseas card payments (gpay, spec §5): amounts in the currency's minor unit (USD cents, KRW won),
-- each charging a billing key that the first payment through the window registered.
CREATE TABLE gpay_payments (
    id                TEXT PRIMARY KEY,
    partner_id        TEXT NOT NULL REFERENCES partners (id),
    service_oid       TEXT NOT NULL,
    billing_key_id    TEXT NOT NULL REFERENCES billing_keys (id),
    status            TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'UNKNOWN')),
    currency          TEXT NOT NULL CHECK (currency IN ('USD', 'KRW')),
    amount            BIGINT NOT NULL CHECK (amount > 0),
    comments          TEXT NOT NULL,
    first_name        TEXT,
    last_name         TEXT,
    email             TEXT,
    masked_number     TEXT NOT NULL,
    service_define    TEXT,
    result_url        TEXT,
    network_reference TEXT NOT NULL UNIQUE,
    decline_code      TEXT,
    decline_message   TEXT,
    requested_at      TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ,
    CONSTRAINT gpay_payments_oid_unique UNIQUE (partner_id, service_oid)
);
