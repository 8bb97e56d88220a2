-- A partner removed from the configuration (issue 27): disabled at the next start, its payments,
-- keys and events kept; adding it back to the configuration clears the mark and restores it.
-- A disabled partner authenticates nowhere, and its subscriptions are not renewed meanwhile.
ALTER TABLE partners ADD COLUMN disabled_at TIMESTAMPTZ;
