-- Before recording an attempt became one statement, a node killed between its two writes could
-- leave an attempt recorded while its event still waited for it; such an event was claimed again
-- and again and never sent. Bring every such event up to its recorded attempts (delivered if one
-- of them delivered it); a pending one is tried again when its lease ends.
WITH recorded AS (
    SELECT event_id, max(number) AS attempts, max(attempted_at) FILTER (WHERE delivered) AS delivered_at
    FROM webhook_attempts GROUP BY event_id)
UPDATE webhook_events e
SET attempts = r.attempts,
    status = CASE WHEN r.delivered_at IS NOT NULL THEN 'DELIVERED' ELSE e.status END,
    delivered_at = coalesce(e.delivered_at, r.delivered_at),
    next_attempt_at = CASE WHEN r.delivered_at IS NOT NULL THEN NULL ELSE e.next_attempt_at END,
    lease_token = NULL
FROM recorded r
WHERE r.event_id = e.id AND r.attempts > e.attempts;
