package kr.gyeol.shared;

/**
 * Whether the call running on this thread has tried to commit a write since it began: the
 * line between "nothing was written, provably" (an answer may invite a retry) and
 * "something may have been written" (the answer is the operation's unknown outcome). The
 * transaction manager marks every commit of a read-write transaction; an entry point
 * resets the mark where its operation starts.
 */
public final class CommitAttempts {

    private static final ThreadLocal<Boolean> ATTEMPTED = new ThreadLocal<>();

    private CommitAttempts() {
    }

    /** Starts a call: nothing attempted yet. */
    public static void reset() {
        ATTEMPTED.remove();
    }

    /** Called by the transaction manager as a read-write transaction commits. */
    public static void mark() {
        ATTEMPTED.set(Boolean.TRUE);
    }

    /** Whether a write was committed, or tried to be, since the last {@link #reset()}. */
    public static boolean attempted() {
        return Boolean.TRUE.equals(ATTEMPTED.get());
    }

}
