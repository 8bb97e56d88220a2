-- The physical minimum of a durable billing-key charge, as pgbench runs it (issue 14's ceiling):
-- auth.php reads the partner and writes nothing (its AuthKey carries its own proof); the charge
-- spends the AuthKey's nonce, share-locks one of the bench's billing keys and writes the PENDING
-- payment in one commit before the network is asked; the outcome and its webhook event (written
-- when the partner has a receiver) in a second. Two commits. The keys are drawn at random from
-- bench_keys, which bench/run.sh fills with the keys the HTTP run charged.
\set n random(1, 2000000000)
\set k random(1, :keys)
SELECT id, secret_hash, refund_key_hash, client_key, mode, referer_check, domains FROM partners WHERE id = 'test';
BEGIN;
INSERT INTO auth_key_uses (nonce, expires_at)
  VALUES (sha256(convert_to(:n || '-' || :client_id || '-' || random()::text, 'UTF8')), now() + interval '30 minutes')
  ON CONFLICT (nonce) DO NOTHING
  RETURNING encode(nonce, 'hex') AS pay_id \gset
SELECT id AS billing_key, key_id, ciphertext FROM billing_keys
  WHERE id = (SELECT id FROM bench_keys WHERE n = :k) FOR SHARE \gset
INSERT INTO payments (id, partner_id, order_id, billing_key_id, instrument, masked_number, institution_code,
    institution_name, status, amount, vat, taxable, goods, monthly, cash_receipt, network_reference,
    requested_at, reconcile_after)
  VALUES (':pay_id', 'test', 'pgbench2-' || ':pay_id', ':billing_key', 'CARD', '4242-****-****-4242', '0400',
    '신한카드', 'PENDING', 1000, 91, true, 'bench', false, false, 'n2-' || ':pay_id', now(), now() + interval '5 minutes')
  ON CONFLICT DO NOTHING;
COMMIT;
BEGIN;
UPDATE payments SET status = 'APPROVED', approval_number = '12345678', completed_at = now(), reconcile_after = NULL
  WHERE id = ':pay_id' AND status = 'PENDING';
INSERT INTO webhook_events (id, partner_id, type, subject_id, status, attempts, next_attempt_at, created_at)
  SELECT 'evt_' || ':pay_id', partner_id, 'PAYMENT', ':pay_id', 'PENDING', 0, now(), now()
  FROM webhook_endpoints WHERE partner_id = 'test' AND result_url IS NOT NULL;
COMMIT;
