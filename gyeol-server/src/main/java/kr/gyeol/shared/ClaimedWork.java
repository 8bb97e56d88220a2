package kr.gyeol.shared;

import java.time.Duration;
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
     * How long one round may keep claiming: a large backlog is worked off over several
     * rounds, so one job never holds its thread (or its node's attention) for long.
     */
    public static final Duration ROUND_BUDGET = Duration.ofSeconds(5);

    /**
     * Claims batches of {@code batchSize} until one comes back short or the round's
     * budget is spent, handing each item to {@code settle}; returns how many it settled.
     * A claim must lease its rows, so a round never sees the same row twice.
     */
    public static <T> int drain(int batchSize, IntFunction<List<T>> claim, Predicate<T> settle) {
        long deadline = System.nanoTime() + ROUND_BUDGET.toNanos();
        int settled = 0;
        while (true) {
            List<T> due = claim.apply(batchSize);
            for (T item : due) {
                if (settle.test(item)) {
                    settled++;
                }
            }
            if (due.size() < batchSize || System.nanoTime() > deadline) {
                return settled;
            }
        }
    }

}
