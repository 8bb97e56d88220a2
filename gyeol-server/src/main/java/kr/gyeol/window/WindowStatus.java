package kr.gyeol.window;

import java.util.Set;

/**
 * A payment window's state; each knows which states may follow it. A window is claimed
 * (OPEN → PROCESSING) once, so a double submit finds nothing to claim.
 */
public enum WindowStatus {

    OPEN, PROCESSING, COMPLETED, CLOSED;

    public Set<WindowStatus> successors() {
        return switch (this) {
            case OPEN -> Set.of(PROCESSING, CLOSED);
            case PROCESSING -> Set.of(COMPLETED);
            case COMPLETED, CLOSED -> Set.of();
        };
    }

    public boolean canBecome(WindowStatus next) {
        return successors().contains(next);
    }

    /** Refuses an illegal transition, naming both states. */
    public void requireCanBecome(WindowStatus next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("A window cannot go from " + this + " to " + next);
        }
    }

}
