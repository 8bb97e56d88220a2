-- The overseas card API (gpay): a partner's service_id ("demo" for the public test partner) and
-- the bearer tokens it gets from /gpay/oauth/1.0/token, stored as SHA-256 only.
CREATE TABLE gpay_services (
    service_id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL UNIQUE REFERENCES partners (id)
);

CREATE TABLE gpay_tokens (
    token_hash BYTEA PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    code       TEXT NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX gpay_tokens_expiry ON gpay_tokens (expires_at);
