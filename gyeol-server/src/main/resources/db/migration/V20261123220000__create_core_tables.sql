-- Partners and their credentials. Secrets and refund keys are stored as salted hashes only.
CREATE TABLE partners (
    id              TEXT PRIMARY KEY,
    secret_hash     TEXT NOT NULL,
    refund_key_hash TEXT NOT NULL,
    client_key      TEXT UNIQUE,
    mode            TEXT NOT NULL CHECK (mode IN ('TEST', 'LIVE')),
    referer_check   TEXT NOT NULL CHECK (referer_check IN ('LENIENT', 'STRICT')),
    domains         TEXT[] NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- One row per partner authentication (auth.php). The AuthKey itself is never stored, only its
-- SHA-256; consuming a single-use key is one conditional UPDATE.
CREATE TABLE auth_sessions (
    key_hash      BYTEA PRIMARY KEY,
    partner_id    TEXT NOT NULL REFERENCES partners (id),
    operation     TEXT NOT NULL,
    partner_token TEXT NOT NULL,
    secret_token  TEXT NOT NULL,
    referer_host  TEXT,
    single_use    BOOLEAN NOT NULL,
    context       TEXT,
    issued_at     TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ
);
CREATE INDEX auth_sessions_expiry ON auth_sessions (expires_at);

-- Billing keys: the instrument is AES-256-GCM ciphertext under the key named by key_id.
CREATE TABLE billing_keys (
    id               TEXT PRIMARY KEY,
    partner_id       TEXT NOT NULL REFERENCES partners (id),
    instrument       TEXT NOT NULL CHECK (instrument IN ('CARD', 'BANK_ACCOUNT')),
    status           TEXT NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    key_id           TEXT NOT NULL,
    ciphertext       BYTEA NOT NULL,
    masked_number    TEXT NOT NULL,
    institution_code TEXT NOT NULL,
    institution_name TEXT NOT NULL,
    holder_type      TEXT NOT NULL CHECK (holder_type IN ('PERSONAL', 'CORPORATE')),
    payer_no         TEXT,
    payer_name       TEXT,
    payer_phone      TEXT,
    payer_email      TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    revoked_at       TIMESTAMPTZ
);
CREATE INDEX billing_keys_partner ON billing_keys (partner_id);

-- Bank-account registrations waiting for their ARS confirmation (two-step AUTHREG).
CREATE TABLE account_registrations (
    id               TEXT PRIMARY KEY,
    partner_id       TEXT NOT NULL REFERENCES partners (id),
    request_number   TEXT NOT NULL,
    key_id           TEXT NOT NULL,
    ciphertext       BYTEA NOT NULL,
    masked_number    TEXT NOT NULL,
    institution_code TEXT NOT NULL,
    institution_name TEXT NOT NULL,
    holder_type      TEXT NOT NULL CHECK (holder_type IN ('PERSONAL', 'CORPORATE')),
    payer_no         TEXT,
    payer_name       TEXT,
    payer_phone      TEXT,
    payer_email      TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    billing_key_id   TEXT REFERENCES billing_keys (id)
);

CREATE TABLE payments (
    id                TEXT PRIMARY KEY,
    partner_id        TEXT NOT NULL REFERENCES partners (id),
    order_id          TEXT NOT NULL,
    billing_key_id    TEXT NOT NULL REFERENCES billing_keys (id),
    instrument        TEXT NOT NULL CHECK (instrument IN ('CARD', 'BANK_ACCOUNT')),
    masked_number     TEXT NOT NULL,
    institution_code  TEXT NOT NULL,
    institution_name  TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'UNKNOWN')),
    amount            BIGINT NOT NULL CHECK (amount >= 0),
    vat               BIGINT NOT NULL CHECK (vat >= 0 AND vat <= amount),
    taxable           BOOLEAN NOT NULL,
    goods             TEXT NOT NULL,
    payer_no          TEXT,
    payer_name        TEXT,
    payer_phone       TEXT,
    payer_email       TEXT,
    user_define1      TEXT,
    user_define2      TEXT,
    monthly           BOOLEAN NOT NULL,
    billing_year      INT,
    billing_month     INT,
    cash_receipt      BOOLEAN NOT NULL,
    cash_receipt_use  TEXT,
    network_reference TEXT NOT NULL UNIQUE,
    approval_number   TEXT,
    decline_code      TEXT,
    decline_message   TEXT,
    decline_reason    TEXT,
    requested_at      TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ,
    reconcile_after   TIMESTAMPTZ,
    -- Domain rule 1: one order id is charged at most once per partner.
    CONSTRAINT payments_order_id_unique UNIQUE (partner_id, order_id),
    CONSTRAINT payments_monthly_has_period CHECK (NOT monthly OR (billing_year IS NOT NULL AND billing_month IS NOT NULL))
);
-- Domain rule 2: with the monthly flag a billing key is charged at most once per year-month.
-- A declined attempt leaves the index, so the month can be tried again under a new order id.
CREATE UNIQUE INDEX payments_monthly_unique ON payments (billing_key_id, billing_year, billing_month)
    WHERE monthly AND status <> 'DECLINED';
CREATE INDEX payments_unsettled ON payments (reconcile_after) WHERE status IN ('PENDING', 'UNKNOWN');

-- Refunds are rows of their own; a payment's refundable balance is derived from them.
CREATE TABLE refunds (
    id                TEXT PRIMARY KEY,
    payment_id        TEXT NOT NULL REFERENCES payments (id),
    status            TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'UNKNOWN')),
    amount            BIGINT NOT NULL CHECK (amount > 0),
    vat               BIGINT NOT NULL CHECK (vat >= 0 AND vat <= amount),
    network_reference TEXT NOT NULL UNIQUE,
    requested_at      TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ
);
CREATE INDEX refunds_payment ON refunds (payment_id);
