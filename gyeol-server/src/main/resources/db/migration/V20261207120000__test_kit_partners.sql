-- Who made a partner: the configuration (gyeol.partners, upserted at every start, disabled once
-- removed from it) or the test kit (POST /v1/test-kit/partners: a throw-away test-mode partner
-- per test, which no configuration names and which a restart must leave alone).
ALTER TABLE partners
    ADD COLUMN created_by TEXT NOT NULL DEFAULT 'CONFIGURATION' CHECK (created_by IN ('CONFIGURATION', 'TEST_KIT'));
