-- A rotated signing secret keeps signing beside the new one until previous_secret_until, so a
-- receiver can switch over without losing a delivery (Standard Webhooks sends both signatures).
ALTER TABLE webhook_endpoints
    ADD COLUMN previous_secret_key_id     TEXT,
    ADD COLUMN previous_secret_ciphertext BYTEA,
    ADD COLUMN previous_secret_until      TIMESTAMPTZ;
