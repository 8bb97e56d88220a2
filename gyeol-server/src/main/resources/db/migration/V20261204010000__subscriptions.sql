-- Recurring billing (issue 11): plans, subscriptions on billing keys, their invoices and
-- every charge attempt, partners' dunning settings, test clocks, and the history that
-- subscription webhooks render.

CREATE TABLE plans (
    id             TEXT PRIMARY KEY,
    partner_id     TEXT NOT NULL,
    name           TEXT NOT NULL,
    amount         BIGINT NOT NULL CHECK (amount > 0),
    currency       TEXT NOT NULL,
    interval_unit  TEXT NOT NULL CHECK (interval_unit IN ('DAY', 'WEEK', 'MONTH', 'YEAR')),
    interval_count INT NOT NULL CHECK (interval_count BETWEEN 1 AND 366),
    trial_days     INT NOT NULL CHECK (trial_days BETWEEN 0 AND 730),
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX plans_partner ON plans (partner_id, created_at);

-- A test-mode partner's frozen time; subscriptions attached to it live by it.
CREATE TABLE test_clocks (
    id         TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL,
    name       TEXT,
    frozen_at  TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX test_clocks_partner ON test_clocks (partner_id, created_at);

-- A partner's dunning: retries this many days after a renewal's first failure, then the
-- status the subscription ends in. No row: the gateway's defaults.
CREATE TABLE billing_settings (
    partner_id    TEXT PRIMARY KEY,
    retry_days    TEXT NOT NULL,
    after_retries TEXT NOT NULL CHECK (after_retries IN ('UNPAID', 'CANCELED'))
);

CREATE TABLE subscriptions (
    id                   TEXT PRIMARY KEY,
    partner_id           TEXT NOT NULL,
    plan_id              TEXT NOT NULL REFERENCES plans (id),
    billing_key_id       TEXT NOT NULL REFERENCES billing_keys (id),
    clock_id             TEXT REFERENCES test_clocks (id),
    status               TEXT NOT NULL
        CHECK (status IN ('TRIALING', 'ACTIVE', 'PAST_DUE', 'UNPAID', 'CANCELED', 'PAUSED')),
    goods                TEXT NOT NULL,
    -- Period n starts at anchor + (n - anchor_period) intervals (Korean calendar); a
    -- trial is period -1, and a resume after a pause moves the anchor.
    anchor_at            TIMESTAMPTZ NOT NULL,
    anchor_period        INT NOT NULL DEFAULT 0,
    period_number        INT NOT NULL,
    period_start         TIMESTAMPTZ NOT NULL,
    period_end           TIMESTAMPTZ NOT NULL,
    trial_end            TIMESTAMPTZ,
    trial_ending_sent    BOOLEAN NOT NULL DEFAULT FALSE,
    cancel_at_period_end BOOLEAN NOT NULL DEFAULT FALSE,
    -- Prorations owed (positive) or credited (negative), settled on the next renewal.
    balance              BIGINT NOT NULL DEFAULT 0,
    canceled_at          TIMESTAMPTZ,
    paused_at            TIMESTAMPTZ,
    next_action_at       TIMESTAMPTZ,
    lease_until          TIMESTAMPTZ,
    lease_token          TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT subscriptions_scheduled_when_running
        CHECK (next_action_at IS NOT NULL OR status IN ('UNPAID', 'CANCELED', 'PAUSED'))
);
-- A billing key backs at most one subscription that is not canceled: its monthly duplicate
-- prevention (domain rule 2) then never refuses one subscription for another's charge.
CREATE UNIQUE INDEX subscriptions_one_per_key ON subscriptions (billing_key_id) WHERE status <> 'CANCELED';
CREATE INDEX subscriptions_due ON subscriptions (next_action_at) WHERE next_action_at IS NOT NULL;
CREATE INDEX subscriptions_of_clock ON subscriptions (clock_id, next_action_at) WHERE clock_id IS NOT NULL;
CREATE INDEX subscriptions_partner ON subscriptions (partner_id, created_at);

-- What one period costs, and whether it was collected.
CREATE TABLE invoices (
    id              TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    partner_id      TEXT NOT NULL,
    period_number   INT NOT NULL,
    period_start    TIMESTAMPTZ NOT NULL,
    period_end      TIMESTAMPTZ NOT NULL,
    amount          BIGINT NOT NULL CHECK (amount >= 0),
    currency        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('OPEN', 'PAID', 'UNCOLLECTIBLE', 'VOID')),
    attempts        INT NOT NULL DEFAULT 0,
    first_failed_at TIMESTAMPTZ,
    next_retry_at   TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    paid_at         TIMESTAMPTZ,
    -- One invoice per period: a period is never billed twice.
    CONSTRAINT invoices_one_per_period UNIQUE (subscription_id, period_number)
);
-- At most one open invoice per subscription.
CREATE UNIQUE INDEX invoices_one_open ON invoices (subscription_id) WHERE status = 'OPEN';

-- Every charge attempt of an invoice, with its deterministic order id: a rerun of the same
-- attempt (another node, a restart) meets the payment's order-id uniqueness, never a
-- second charge.
CREATE TABLE invoice_attempts (
    invoice_id     TEXT NOT NULL REFERENCES invoices (id),
    number         INT NOT NULL,
    order_id       TEXT NOT NULL,
    payment_id     TEXT,
    status         TEXT NOT NULL CHECK (status IN ('CHARGING', 'APPROVED', 'DECLINED', 'UNKNOWN', 'REFUSED')),
    decline_reason TEXT,
    hard           BOOLEAN NOT NULL DEFAULT FALSE,
    attempted_at   TIMESTAMPTZ NOT NULL,
    settled_at     TIMESTAMPTZ,
    PRIMARY KEY (invoice_id, number),
    CONSTRAINT invoice_attempts_order_unique UNIQUE (order_id)
);

-- What happened to a subscription, as its webhook tells it (rendered from body).
CREATE TABLE subscription_events (
    id              TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    partner_id      TEXT NOT NULL,
    type            TEXT NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    body            TEXT NOT NULL
);
CREATE INDEX subscription_events_of ON subscription_events (subscription_id, seq);
