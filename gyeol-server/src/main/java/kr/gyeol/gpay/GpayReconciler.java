package kr.gyeol.gpay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the overseas reconciliation on the domestic reconciler's schedule. */
@Component
class GpayReconciler {

    private static final Logger log = LoggerFactory.getLogger(GpayReconciler.class);

    private final GpayPayments payments;

    GpayReconciler(GpayPayments payments) {
        this.payments = payments;
    }

    @Scheduled(fixedDelayString = "${gyeol.reconciler.interval:10s}",
            initialDelayString = "${gyeol.reconciler.interval:10s}")
    void run() {
        try {
            this.payments.reconcileDue();
            this.payments.reconcileDueCancels();
        }
        catch (RuntimeException ex) {
            log.error("Overseas reconciliation round failed; the next round tries again", ex);
        }
    }

}
