package kr.gyeol.webhook;

import java.util.Set;

/**
 * A webhook event's delivery state. A pending event may be delivered, tried again (stays
 * pending) or given up; a replay puts any event back to pending.
 */
public enum WebhookStatus {

    PENDING, DELIVERED, FAILED;

    public Set<WebhookStatus> successors() {
        return switch (this) {
            case PENDING -> Set.of(PENDING, DELIVERED, FAILED);
            case DELIVERED, FAILED -> Set.of(PENDING);
        };
    }

    public boolean canBecome(WebhookStatus next) {
        return successors().contains(next);
    }

    /** Refuses an illegal transition, naming both states. */
    public void requireCanBecome(WebhookStatus next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("A webhook event cannot go from " + this + " to " + next);
        }
    }

}
