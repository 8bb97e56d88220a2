-- Each claim of an event writes a token of its own; an attempt runs only while its token is the
-- event's, so a node whose lease ran out can never send what another node has taken over.
ALTER TABLE webhook_events ADD COLUMN lease_token TEXT;
