-- One payment engine: overseas (gpay) payments and cancels become rows of payments and refunds,
-- told apart by the API they came through, each with its currency (amounts in the currency's
-- minor unit: KRW has none, USD cents).
ALTER TABLE payments
    ADD COLUMN api              TEXT NOT NULL DEFAULT 'PAYPLE' CHECK (api IN ('PAYPLE', 'GPAY')),
    ADD COLUMN currency         TEXT NOT NULL DEFAULT 'KRW' CHECK (currency IN ('KRW', 'USD')),
    ADD COLUMN payer_first_name TEXT,
    ADD COLUMN payer_last_name  TEXT,
    ADD COLUMN service_define   TEXT,
    ADD COLUMN result_url       TEXT,
    -- How often the settlement loop has asked the network about an unknown outcome; each try
    -- waits longer than the last, and after the cap the row waits for an operator.
    ADD COLUMN settle_attempts  INT NOT NULL DEFAULT 0,
    ADD CONSTRAINT payments_domestic_in_won CHECK (api = 'GPAY' OR currency = 'KRW');
ALTER TABLE refunds
    ADD COLUMN api             TEXT NOT NULL DEFAULT 'PAYPLE' CHECK (api IN ('PAYPLE', 'GPAY')),
    ADD COLUMN currency        TEXT NOT NULL DEFAULT 'KRW' CHECK (currency IN ('KRW', 'USD')),
    ADD COLUMN comments        TEXT,
    ADD COLUMN settle_attempts INT NOT NULL DEFAULT 0;

-- Domain rule 1 per API: the overseas service_oid and the domestic PCD_PAY_OID are separate
-- namespaces, as they were in separate tables.
ALTER TABLE payments DROP CONSTRAINT payments_order_id_unique;
ALTER TABLE payments ADD CONSTRAINT payments_order_id_unique UNIQUE (partner_id, api, order_id);

INSERT INTO payments (id, partner_id, order_id, billing_key_id, instrument, masked_number, institution_code,
                      institution_name, status, amount, vat, taxable, goods, payer_name, payer_email, monthly,
                      cash_receipt, network_reference, decline_reason, decline_code, decline_message, requested_at,
                      completed_at, reconcile_after, api, currency, payer_first_name, payer_last_name,
                      service_define, result_url)
SELECT g.id, g.partner_id, g.service_oid, g.billing_key_id, 'CARD', g.masked_number, k.institution_code,
       k.institution_name, g.status, g.amount, 0, FALSE, g.comments,
       NULLIF(trim(concat_ws(' ', g.first_name, g.last_name)), ''), g.email, FALSE, FALSE, g.network_reference,
       CASE WHEN g.status = 'DECLINED' THEN 'GENERIC' END, g.decline_code, g.decline_message, g.requested_at,
       g.completed_at, g.reconcile_after, 'GPAY', g.currency, g.first_name, g.last_name, g.service_define,
       g.result_url
FROM gpay_payments g JOIN billing_keys k ON k.id = g.billing_key_id;

INSERT INTO refunds (id, payment_id, status, amount, vat, network_reference, requested_at, completed_at,
                     reconcile_after, api, currency, comments)
SELECT c.id, c.payment_id, c.status, c.amount, 0, c.network_reference, c.requested_at, c.completed_at,
       c.reconcile_after, 'GPAY', g.currency, c.comments
FROM gpay_cancels c JOIN gpay_payments g ON g.id = c.payment_id;

DROP TABLE gpay_cancels;
DROP TABLE gpay_payments;

-- The overseas API reads a billing key's first payment for its payer defaults (spec §5.3).
CREATE INDEX payments_billing_key ON payments (billing_key_id, requested_at) WHERE billing_key_id IS NOT NULL;
