package kr.gyeol.refund;

import java.util.Set;

/** A refund's state. Every state but DECLINED counts against the payment's balance. */
public enum RefundStatus {

    PENDING, APPROVED, DECLINED, UNKNOWN;

    public Set<RefundStatus> successors() {
        return switch (this) {
            case PENDING -> Set.of(APPROVED, DECLINED, UNKNOWN);
            case UNKNOWN -> Set.of(APPROVED, DECLINED);
            case APPROVED, DECLINED -> Set.of();
        };
    }

    public boolean canBecome(RefundStatus next) {
        return successors().contains(next);
    }

    /** Refuses an illegal transition, naming both states. */
    public void requireCanBecome(RefundStatus next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("A refund cannot go from " + this + " to " + next);
        }
    }

}
