package kr.gyeol.payment;

import java.util.Set;

/** A payment's state; each knows which states may follow it. */
public enum PaymentStatus {

    PENDING, APPROVED, DECLINED, UNKNOWN;

    public Set<PaymentStatus> successors() {
        return switch (this) {
            case PENDING -> Set.of(APPROVED, DECLINED, UNKNOWN);
            case UNKNOWN -> Set.of(APPROVED, DECLINED);
            case APPROVED, DECLINED -> Set.of();
        };
    }

    public boolean canBecome(PaymentStatus next) {
        return successors().contains(next);
    }

    /** Refuses an illegal transition, naming both states. */
    public void requireCanBecome(PaymentStatus next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("A payment cannot go from " + this + " to " + next);
        }
    }

}
