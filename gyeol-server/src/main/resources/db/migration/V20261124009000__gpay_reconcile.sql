-- An overseas payment whose outcome is unknown (a timeout, or a node that died between its two
-- transactions) waits here until the reconciler asks the network.
ALTER TABLE gpay_payments ADD COLUMN reconcile_after TIMESTAMPTZ;
CREATE INDEX gpay_payments_unsettled ON gpay_payments (reconcile_after) WHERE status IN ('PENDING', 'UNKNOWN');
