-- A partner key rotated in the console: the key it replaced is still accepted until
-- previous_secret_until. configured_secret_hash is what the configuration last set, so a start
-- with the same configuration keeps a rotated key instead of writing the configured one back.
ALTER TABLE partners
    ADD COLUMN configured_secret_hash TEXT,
    ADD COLUMN previous_secret_hash   TEXT,
    ADD COLUMN previous_secret_until  TIMESTAMPTZ;
UPDATE partners SET configured_secret_hash = secret_hash;
