-- An overseas cancel whose outcome is unknown waits here until the reconciler asks the network.
ALTER TABLE gpay_cancels ADD COLUMN reconcile_after TIMESTAMPTZ;
CREATE INDEX gpay_cancels_unsettled ON gpay_cancels (reconcile_after) WHERE status IN ('PENDING', 'UNKNOWN');
