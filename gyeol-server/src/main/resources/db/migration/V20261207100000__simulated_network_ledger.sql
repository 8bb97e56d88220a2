-- The simulated network's own record of what it was asked (issue 25): one row per charge or
-- cancel reference, written by the simulator before it answers, shared by every node and kept
-- across restarts. An inquiry is answered from it, as a real network answers from its ledger: a
-- reference it never saw is "no such transaction", and the payment settles as not charged.
-- Gyeol's own tables never read it; a real acquirer keeps such a ledger on its side.
CREATE TABLE simulated_network_requests (
    reference       TEXT        PRIMARY KEY,
    original        TEXT,
    operation       TEXT        NOT NULL CHECK (operation IN ('CHARGE', 'CANCEL')),
    outcome         TEXT        NOT NULL CHECK (outcome IN ('APPROVED', 'DECLINED', 'NEVER_ANSWERS')),
    approval_number TEXT,
    decline_reason  TEXT,
    decline_code    TEXT,
    decline_message TEXT,
    amount          BIGINT      NOT NULL CHECK (amount >= 0),
    currency        TEXT        NOT NULL,
    asked_at        TIMESTAMPTZ NOT NULL
);
