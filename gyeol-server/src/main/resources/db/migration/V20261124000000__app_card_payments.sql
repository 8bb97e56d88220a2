-- App-card payments (PCD_CARD_VER=02) have no billing key: the customer approves them in a card
-- company's app or an easy-pay wallet, and the payment keeps the network's token for the card so
-- that an unknown outcome can be asked about later.
ALTER TABLE payments ALTER COLUMN billing_key_id DROP NOT NULL;
ALTER TABLE payments
    ADD COLUMN app_card_token     TEXT,
    ADD COLUMN installment_months INT NOT NULL DEFAULT 0 CHECK (installment_months BETWEEN 0 AND 36),
    ADD COLUMN easy_pay           TEXT,
    ADD CONSTRAINT payments_one_source CHECK ((billing_key_id IS NULL) <> (app_card_token IS NULL)),
    ADD CONSTRAINT payments_app_card_not_monthly CHECK (app_card_token IS NULL OR NOT monthly);

-- A CERT app-card payment waits for its confirmation with the card the customer approved.
ALTER TABLE payment_confirmations ALTER COLUMN billing_key_id DROP NOT NULL;
ALTER TABLE payment_confirmations
    ADD COLUMN app_card TEXT,
    ADD CONSTRAINT payment_confirmations_one_source CHECK ((billing_key_id IS NULL) <> (app_card IS NULL));
