-- Idempotency-Key (issue 12): the first answer to a state-changing call, kept with a hash of
-- the request, replayed to a retry with the same key for the retention (24 h by default).
CREATE TABLE idempotency_keys (
    partner_id      TEXT NOT NULL,
    key             TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
    response_status INT,
    response_type   TEXT,
    response_body   BYTEA,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, key),
    CONSTRAINT idempotency_keys_done_has_answer CHECK (state <> 'DONE' OR response_status IS NOT NULL)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
