package kr.gyeol.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the {@code --follow} of {@code events} and {@code payments} share. */
final class Follow {

    private Follow() {
    }

    /**
     * How often to ask again: the hidden {@code --interval} (1s, 2m, …), 100 ms at least.
     */
    static Duration every(String interval) {
        return Duration.ofMillis(Math.max(100, ClockCommand.after(Instant.EPOCH, interval).toEpochMilli()));
    }

    /** A newest-first page of the gateway, oldest first, as a terminal prints it. */
    static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> reversed = new ArrayList<>(newestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

}
