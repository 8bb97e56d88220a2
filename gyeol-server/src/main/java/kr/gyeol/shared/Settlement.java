package kr.gyeol.shared;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one settlement loop (design rule 5): every payment and refund of any API and
 * currency whose outcome is unknown, or that a dead node left PENDING, is settled here by
 * asking the network, never by charging or cancelling again. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of nodes run it side by side; each try
 * that finds the outcome still unknown waits longer ({@link SettlementBackoff}).
 */
@Component
public class Settlement {

    /** Unsettled rows of one kind, settled a claimed batch at a time. */
    public interface Work {

        /** Settles what is due now; returns how many it settled. */
        int settleDue();

    }

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final List<Work> work;

    Settlement(List<Work> work) {
        this.work = work;
    }

    @Scheduled(fixedDelayString = "${gyeol.reconciler.interval:10s}",
            initialDelayString = "${gyeol.reconciler.interval:10s}")
    void run() {
        settleDue();
    }

    /**
     * Settles every payment and refund that is due now; returns how many were settled. A
     * failing kind does not keep the others from their turn.
     */
    public int settleDue() {
        int settled = 0;
        for (Work kind : this.work) {
            try {
                settled += kind.settleDue();
            }
            catch (RuntimeException e) {
                log.error("Settlement of {} failed this round; the next round tries again",
                        kind.getClass().getSimpleName(), e);
            }
        }
        return settled;
    }

}
