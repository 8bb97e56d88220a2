-- Wrong numbers keyed into an account registration's ARS call: the window lets the customer try
-- again, five times in all, like the payment password.
ALTER TABLE account_registrations ADD COLUMN ars_failures INT NOT NULL DEFAULT 0;
