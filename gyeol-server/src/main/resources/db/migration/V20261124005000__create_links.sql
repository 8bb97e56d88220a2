-- Link payments (spec §1.11): a payment request with its own URL, paid once through the window.
CREATE TABLE payment_links (
    key           TEXT PRIMARY KEY,
    partner_id    TEXT NOT NULL REFERENCES partners (id),
    -- The order id the link's payment will carry: unique per partner, so a link is paid once.
    order_id      TEXT NOT NULL,
    pay_types     TEXT NOT NULL,
    goods         TEXT NOT NULL,
    amount        BIGINT NOT NULL CHECK (amount > 0),
    taxable       BOOLEAN NOT NULL,
    vat           BIGINT,
    cash_receipt  BOOLEAN NOT NULL,
    memo          TEXT,
    billing_year  INT,
    billing_month INT,
    expires_on    DATE NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT payment_links_order_unique UNIQUE (partner_id, order_id)
);
