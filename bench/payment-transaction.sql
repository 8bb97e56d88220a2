-- The database work of one billing-key charge, statement for statement, as pgbench runs it:
-- auth.php reads the partner and inserts a session; the charge consumes it, locks the key and writes the PENDING
-- payment, then records the network's answer. One run of this script = one charge.
\set n random(1, 2000000000)
SELECT id, secret_hash, refund_key_hash, client_key, mode, referer_check, domains FROM partners WHERE id = 'test';
INSERT INTO auth_sessions (key_hash, partner_id, operation, partner_token, secret_token, single_use, issued_at, expires_at)
  VALUES (sha256(convert_to(:n || '-' || :client_id || '-' || random()::text, 'UTF8')), 'test', 'SIMPLE_PAY_CARD', 'p' || :n, 's' || :n, true, now(), now() + interval '30 minutes')
  RETURNING encode(key_hash, 'hex') AS key_hex, partner_token AS token \gset
UPDATE auth_sessions s SET used_at = now() FROM partners p
  WHERE s.key_hash = decode(':key_hex', 'hex') AND p.id = s.partner_id AND s.operation = 'SIMPLE_PAY_CARD'
    AND s.used_at IS NULL AND s.expires_at > now() AND s.partner_token = ':token' AND s.secret_token = 's' || :n
  RETURNING s.partner_id;
BEGIN;
SELECT id, key_id, ciphertext FROM billing_keys WHERE id = ':billing_key' FOR SHARE;
INSERT INTO payments (id, partner_id, order_id, billing_key_id, instrument, masked_number, institution_code,
    institution_name, status, amount, vat, taxable, goods, monthly, cash_receipt, network_reference,
    requested_at, reconcile_after)
  VALUES (':key_hex', 'test', 'pgbench-' || ':key_hex', ':billing_key', 'CARD', '4242-****-****-4242', '0400',
    '신한카드', 'PENDING', 1000, 91, true, 'bench', false, false, ':key_hex', now(), now() + interval '5 minutes')
  ON CONFLICT DO NOTHING;
COMMIT;
UPDATE payments SET status = 'APPROVED', approval_number = '12345678', completed_at = now(), reconcile_after = NULL
  WHERE id = ':key_hex' AND status = 'PENDING';
