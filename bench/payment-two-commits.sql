-- The physical minimum of a durable billing-key charge, as pgbench runs it: no session is written
-- or consumed (an AuthKey that carries its own proof, issue 14); the PENDING payment is written,
-- with the AuthKey's nonce made single-use by a unique index, before the network is asked; the
-- outcome is recorded after. Two commits. The nonce table lives in the bench database only.
\set n random(1, 2000000000)
SELECT id, secret_hash, refund_key_hash, client_key, mode, referer_check, domains FROM partners WHERE id = 'test';
BEGIN;
INSERT INTO bench_auth_nonces (nonce, used_at) VALUES (md5(:n || '-' || :client_id || '-' || random()::text), now())
  RETURNING nonce AS key_hex \gset
SELECT id, key_id, ciphertext FROM billing_keys WHERE id = ':billing_key' FOR SHARE;
INSERT INTO payments (id, partner_id, order_id, billing_key_id, instrument, masked_number, institution_code,
    institution_name, status, amount, vat, taxable, goods, monthly, cash_receipt, network_reference,
    requested_at, reconcile_after)
  VALUES (':key_hex', 'test', 'pgbench2-' || ':key_hex', ':billing_key', 'CARD', '4242-****-****-4242', '0400',
    '신한카드', 'PENDING', 1000, 91, true, 'bench', false, false, 'n2-' || ':key_hex', now(), now() + interval '5 minutes')
  ON CONFLICT DO NOTHING;
COMMIT;
UPDATE payments SET status = 'APPROVED', approval_number = '12345678', completed_at = now(), reconcile_after = NULL
  WHERE id = ':key_hex' AND status = 'PENDING';
