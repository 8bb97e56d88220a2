-- Faults for refunds (the network's cancel) and registrations (its check of a card or an account)
-- beside charges, and faults that select by card number: kept as a keyed digest of the number
-- (HMAC-SHA256 under a key derived from the vault key, per partner) and its masked form, never the number.
ALTER TABLE test_faults DROP CONSTRAINT test_faults_operation_check;
ALTER TABLE test_faults ADD CONSTRAINT test_faults_operation_check
    CHECK (operation IN ('CHARGE', 'REFUND', 'REGISTRATION'));
ALTER TABLE test_faults ADD COLUMN card_digest TEXT;
ALTER TABLE test_faults ADD COLUMN card_masked TEXT;
ALTER TABLE test_faults ADD CONSTRAINT test_faults_one_selector
    CHECK (billing_key_id IS NULL OR card_digest IS NULL);
