-- Webhooks (spec §6): each partner's two receivers, an outbox of events written in the
-- transaction of the change they report (domain rule 6), and every delivery attempt.
CREATE TABLE webhook_endpoints (
    partner_id        TEXT PRIMARY KEY REFERENCES partners (id),
    result_url        TEXT,
    revocation_url    TEXT,
    format            TEXT NOT NULL CHECK (format IN ('JSON', 'FORM')),
    -- The signing secret, AES-256-GCM like card data: it must be recovered to sign.
    secret_key_id     TEXT NOT NULL,
    secret_ciphertext BYTEA NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE webhook_events (
    id              TEXT PRIMARY KEY,
    partner_id      TEXT NOT NULL REFERENCES partners (id),
    type            TEXT NOT NULL,
    subject_id      TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    -- Rendered at the first attempt and sent unchanged by every retry and replay.
    body            TEXT,
    content_type    TEXT,
    attempts        INT NOT NULL DEFAULT 0,
    -- When the next attempt is due; while an attempt runs, the lease that hides it from other nodes.
    next_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX webhook_events_due ON webhook_events (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_events_partner ON webhook_events (partner_id, created_at DESC);

CREATE TABLE webhook_attempts (
    id           BIGSERIAL PRIMARY KEY,
    event_id     TEXT NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    number       INT NOT NULL,
    url          TEXT NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INT,
    latency_ms   BIGINT NOT NULL,
    error        TEXT,
    delivered    BOOLEAN NOT NULL,
    UNIQUE (event_id, number)
);
