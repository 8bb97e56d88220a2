-- AuthKeys carry their own proof now (issue 14): auth.php writes nothing. A single-use key is
-- spent by writing its nonce here, in the transaction of the work it authorizes; the primary key
-- makes two racing spends of one key end with one winner. Rows are kept until the key expired.
-- auth_sessions stays for keys issued before this version, until they expire.
CREATE TABLE auth_key_uses (
    nonce      BYTEA       PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);

-- Rows arrive in expiry order, so a BRIN index finds the expired ones for the janitor at almost no
-- cost to each insert.
CREATE INDEX auth_key_uses_expiry ON auth_key_uses USING brin (expires_at);
