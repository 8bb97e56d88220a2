package kr.gyeol.subscription;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a subscription stands. Every change goes through {@link #requireCanBecome}: the
 * diagram in docs/recurring-billing.md is this table.
 */
public enum SubscriptionStatus {

    /** In its free trial; the first period is charged when the trial ends. */
    TRIALING,

    /** Paid up for its current period; renews at the period's end. */
    ACTIVE,

    /** A renewal failed; the dunning schedule retries it. */
    PAST_DUE,

    /**
     * Every retry failed (or the decline was final) and the partner keeps such
     * subscriptions.
     */
    UNPAID,

    /** Over for good. */
    CANCELED,

    /** Not renewed until resumed. */
    PAUSED;

    public Set<SubscriptionStatus> next() {
        return switch (this) {
            case TRIALING -> EnumSet.of(ACTIVE, PAST_DUE, UNPAID, CANCELED, PAUSED);
            case ACTIVE -> EnumSet.of(ACTIVE, PAST_DUE, UNPAID, CANCELED, PAUSED);
            case PAST_DUE -> EnumSet.of(ACTIVE, PAST_DUE, UNPAID, CANCELED);
            case UNPAID -> EnumSet.of(ACTIVE, PAST_DUE, CANCELED);
            case PAUSED -> EnumSet.of(TRIALING, ACTIVE, CANCELED);
            case CANCELED -> EnumSet.noneOf(SubscriptionStatus.class);
        };
    }

    public boolean canBecome(SubscriptionStatus target) {
        return next().contains(target);
    }

    /** Refuses an illegal transition, naming both states. */
    public SubscriptionStatus requireCanBecome(SubscriptionStatus target) {
        if (!canBecome(target)) {
            throw new IllegalStateException("A subscription cannot go from " + this + " to " + target);
        }
        return target;
    }

    /** Whether the renewal job still has something to do for it. */
    public boolean scheduled() {
        return this == TRIALING || this == ACTIVE || this == PAST_DUE;
    }

}
