package kr.gyeol.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Many senders' rows written in one statement, so one commit (one WAL flush) serves them
 * all: a caller hands its row in and waits; whoever holds the turn writes every row
 * handed in meanwhile, up to {@code maxBatch}, and hands each caller the statement's
 * result. No thread of its own and no timer: while one batch is written the next gathers,
 * so a lone sender writes at once and a thousand share their commits.
 */
public final class GroupedWrites<T, R> {

    private record Pending<T, R>(T row, CompletableFuture<R> result) {
    }

    private final Function<List<T>, R> write;

    private final int maxBatch;

    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();

    private final ReentrantLock turn = new ReentrantLock();

    public GroupedWrites(Function<List<T>, R> write, int maxBatch) {
        this.write = write;
        this.maxBatch = maxBatch;
    }

    /**
     * Writes {@code row} with whatever else is waiting; returns the result of the
     * statement that wrote it.
     * @throws RuntimeException the statement's failure, for every row it carried
     */
    public R write(T row) {
        Pending<T, R> pending = new Pending<>(row, new CompletableFuture<>());
        this.queue.add(pending);
        while (!pending.result().isDone()) {
            this.turn.lock();
            try {
                // A writer completes every row it took before it gives the turn up: a row
                // not done here is still in the queue.
                if (!pending.result().isDone()) {
                    writeWaiting();
                }
            }
            finally {
                this.turn.unlock();
            }
        }
        return pending.result().join();
    }

    private void writeWaiting() {
        List<Pending<T, R>> batch = new ArrayList<>();
        this.queue.drainTo(batch, this.maxBatch);
        if (batch.isEmpty()) {
            return;
        }
        List<T> rows = batch.stream().map(Pending::row).toList();
        try {
            R result = this.write.apply(rows);
            batch.forEach((each) -> each.result().complete(result));
        }
        catch (RuntimeException ex) {
            batch.forEach((each) -> each.result().completeExceptionally(ex));
        }
    }

}
