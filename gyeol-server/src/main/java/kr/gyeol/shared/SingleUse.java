package kr.gyeol.shared;

/**
 * A single-use credential not yet spent: an AuthKey whose use is written in the
 * transaction of the work it authorizes, so the work and the use commit together or not
 * at all.
 */
@FunctionalInterface
public interface SingleUse {

    /** Nothing left to spend: the key was spent when it was checked, or is reusable. */
    SingleUse SPENT = () -> true;

    /**
     * Spends it, in the caller's transaction when there is one (a racing spend of the
     * same key waits for that transaction); false when another use spent it before.
     * Spending again what this use already spent is no second use: true.
     */
    boolean spend();

    /** Spends it, or throws {@link AlreadySpent}. */
    default void spendOrThrow() {
        if (!spend()) {
            throw new AlreadySpent();
        }
    }

    /** The credential was spent before: the work it was to authorize was not done. */
    final class AlreadySpent extends RuntimeException {

        public AlreadySpent() {
            super("The single-use credential was spent before", null, false, false);
        }

    }

}
