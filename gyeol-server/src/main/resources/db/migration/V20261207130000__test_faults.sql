-- Faults a test armed for its own test-mode partner (POST /v1/test/faults): the next N charges of one of
-- its billing keys, or of any, end as the test said instead of as the simulated network would have
-- answered. Taken in the order armed, one charge each, under a row lock: deterministic across nodes.
CREATE TABLE test_faults (
    id              BIGSERIAL PRIMARY KEY,
    partner_id      TEXT NOT NULL REFERENCES partners (id),
    operation       TEXT NOT NULL CHECK (operation IN ('CHARGE')),
    billing_key_id  TEXT,
    outcome         TEXT NOT NULL
        CHECK (outcome IN ('APPROVE', 'DECLINE', 'TIMEOUT_THEN_APPROVE', 'TIMEOUT_THEN_DECLINE', 'NEVER_ANSWER')),
    decline_reason  TEXT,
    armed           INT NOT NULL CHECK (armed > 0),
    remaining       INT NOT NULL CHECK (remaining >= 0 AND remaining <= armed),
    armed_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX test_faults_armed ON test_faults (partner_id, operation, id) WHERE remaining > 0;
