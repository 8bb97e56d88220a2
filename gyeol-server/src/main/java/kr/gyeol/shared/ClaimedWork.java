package kr.gyeol.shared;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Background work claimed from the database a batch at a time (rows taken with
 * {@code FOR UPDATE SKIP LOCKED} and leased), so any number of nodes can share it.
 */
public final class ClaimedWork {

    private ClaimedWork() {
    }

    /**
     * Claims batches of {@code batchSize} until one comes back short, handing each item
     * to {@code settle}; returns how many it settled. A claim must lease its rows, so a
     * round never sees the same row twice.
     */
    public static <T> int drain(int batchSize, IntFunction<List<T>> claim, Predicate<T> settle) {
        int settled = 0;
        while (true) {
            List<T> due = claim.apply(batchSize);
            for (T item : due) {
                if (settle.test(item)) {
                    settled++;
                }
            }
            if (due.size() < batchSize) {
                return settled;
            }
        }
    }

}
