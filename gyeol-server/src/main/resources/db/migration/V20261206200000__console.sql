-- The partner console: its sign-in sessions (the token is kept as a hash; the CSRF token is
-- what every form of the session must send back), and the indexes behind its searches.
-- An operator's session acts for the partner it chose (none yet right after sign-in).
CREATE TABLE console_sessions (
    token_hash  BYTEA PRIMARY KEY,
    partner_id  TEXT REFERENCES partners (id),
    operator    TEXT,
    csrf_token  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT console_sessions_someone CHECK (partner_id IS NOT NULL OR operator IS NOT NULL)
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);

-- Payments newest first per partner, optionally narrowed by status; payer names by prefix.
-- It carries what the dashboard adds up, so a day's totals are read from the index alone.
CREATE INDEX payments_partner_requested ON payments (partner_id, requested_at DESC, id)
    INCLUDE (status, amount, currency);
CREATE INDEX payments_partner_status_requested ON payments (partner_id, status, requested_at DESC);
CREATE INDEX payments_partner_payer ON payments (partner_id, payer_name text_pattern_ops);
CREATE INDEX payments_partner_amount ON payments (partner_id, amount);
-- A payment's webhook events, for its history.
CREATE INDEX webhook_events_subject ON webhook_events (subject_id);
-- A partner's billing keys newest first.
CREATE INDEX billing_keys_partner_created ON billing_keys (partner_id, created_at DESC);
