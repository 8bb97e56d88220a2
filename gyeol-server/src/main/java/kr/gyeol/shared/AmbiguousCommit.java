package kr.gyeol.shared;

import org.springframework.transaction.TransactionSystemException;

/**
 * A commit whose outcome is unknown: the connection failed while the commit was on its
 * way or its answer on the way back, so PostgreSQL may have committed while the driver
 * reports a failure. Whatever the transaction wrote may or may not be there; the caller
 * answers with its operation's unknown-outcome code, never with one that invites a retry,
 * and the settlement loop finds the truth later.
 */
public class AmbiguousCommit extends TransactionSystemException {

    public AmbiguousCommit(Throwable cause) {
        // The cause names the failure only (its class and SQL state): no value
        // of a request reaches an exception message.
        super("The database may or may not have committed: " + cause.getClass().getSimpleName(), cause);
    }

    /** Whether {@code failure} is, or was caused by, an ambiguous commit. */
    public static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AmbiguousCommit) {
                return true;
            }
        }
        return false;
    }

}
