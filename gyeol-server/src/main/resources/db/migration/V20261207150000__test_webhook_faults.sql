-- Webhook faults a test armed for its own test-mode partner (POST /v1/test/webhook-faults): the next N
-- events (of one type, or any) are delayed, fail their first attempts, are delivered twice, or are held
-- back until a later event of the partner was delivered. Each event is taken by one fault at most
-- (test_webhook_fault_events); open marks an event whose fault is not done with it yet.
CREATE TABLE test_webhook_faults (
    id          BIGSERIAL PRIMARY KEY,
    partner_id  TEXT NOT NULL REFERENCES partners (id),
    kind        TEXT NOT NULL CHECK (kind IN ('DELAY', 'FAIL', 'DUPLICATE', 'OUT_OF_ORDER')),
    event_type  TEXT,
    delay_ms    BIGINT CHECK (delay_ms >= 0),
    failures    INT CHECK (failures > 0),
    armed       INT NOT NULL CHECK (armed > 0),
    remaining   INT NOT NULL CHECK (remaining >= 0 AND remaining <= armed),
    armed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX test_webhook_faults_armed ON test_webhook_faults (partner_id, id) WHERE remaining > 0;

CREATE TABLE test_webhook_fault_events (
    event_id    TEXT PRIMARY KEY REFERENCES webhook_events (id) ON DELETE CASCADE,
    fault_id    BIGINT NOT NULL REFERENCES test_webhook_faults (id),
    partner_id  TEXT NOT NULL,
    open        BOOLEAN NOT NULL
);
CREATE INDEX test_webhook_fault_events_open ON test_webhook_fault_events (partner_id) WHERE open;
