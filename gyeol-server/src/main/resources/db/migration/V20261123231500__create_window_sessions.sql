-- One row per payment-window opening: the partner's request as it was posted (no card data) and
-- where the customer is. Rows, not node memory, so any node serves any step.
CREATE TABLE window_sessions (
    id          TEXT PRIMARY KEY,
    partner_id  TEXT NOT NULL REFERENCES partners (id),
    status      TEXT NOT NULL CHECK (status IN ('OPEN', 'PROCESSING', 'COMPLETED', 'CLOSED')),
    request     TEXT NOT NULL,
    -- A bank-account window waiting for its ARS confirmation.
    account_registration_id TEXT REFERENCES account_registrations (id),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- A CERT payment authenticated in the window and waiting for the partner's confirmation.
CREATE TABLE payment_confirmations (
    request_key    TEXT PRIMARY KEY,
    partner_id     TEXT NOT NULL REFERENCES partners (id),
    window_id      TEXT NOT NULL REFERENCES window_sessions (id),
    billing_key_id TEXT NOT NULL REFERENCES billing_keys (id),
    claimed_at     TIMESTAMPTZ,
    payment_id     TEXT REFERENCES payments (id),
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL
);
