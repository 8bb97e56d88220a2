-- Payple's password simple-pay: a six-digit password set at registration (PCD_SIMPLE_FLAG=Y)
-- guards later window re-payments with the key. Stored as a salted PBKDF2 hash; five wrong tries
-- in a row lock it until the customer registers again.
ALTER TABLE billing_keys
    ADD COLUMN password_hash     TEXT,
    ADD COLUMN password_failures INT NOT NULL DEFAULT 0 CHECK (password_failures >= 0);
