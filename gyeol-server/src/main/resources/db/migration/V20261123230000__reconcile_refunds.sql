-- Refunds whose network outcome is unknown, or that a dead node left PENDING, are settled by the
-- refund reconciler like payments are.
ALTER TABLE refunds ADD COLUMN reconcile_after TIMESTAMPTZ;
CREATE INDEX refunds_unsettled ON refunds (reconcile_after) WHERE status IN ('PENDING', 'UNKNOWN');
