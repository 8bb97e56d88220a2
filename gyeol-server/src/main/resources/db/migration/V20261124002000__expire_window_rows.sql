-- Window sessions, CERT confirmations and account registrations are deleted a day after they
-- expire (registrations hold an encrypted account number). A registration goes first or with its
-- window, so the window's reference to it is cleared rather than blocking the delete.
ALTER TABLE window_sessions DROP CONSTRAINT window_sessions_account_registration_id_fkey;
ALTER TABLE window_sessions ADD CONSTRAINT window_sessions_account_registration_id_fkey
    FOREIGN KEY (account_registration_id) REFERENCES account_registrations (id) ON DELETE SET NULL;
ALTER TABLE payment_confirmations DROP CONSTRAINT payment_confirmations_window_id_fkey;
ALTER TABLE payment_confirmations ADD CONSTRAINT payment_confirmations_window_id_fkey
    FOREIGN KEY (window_id) REFERENCES window_sessions (id) ON DELETE CASCADE;
CREATE INDEX window_sessions_expiry ON window_sessions (expires_at);
CREATE INDEX account_registrations_expiry ON account_registrations (expires_at);
