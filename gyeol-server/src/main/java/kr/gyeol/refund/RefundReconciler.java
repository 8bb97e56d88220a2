package kr.gyeol.refund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import kr.gyeol.network.Acquirer;
import kr.gyeol.network.Outcome;
import kr.gyeol.refund.jdbc.RefundRepository;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.shared.ClaimedWork;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.Outbox;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles refunds whose cancel outcome is unknown, or that a node which died left PENDING
 * (design rule 5): it asks the network and never cancels again. Until then the refund
 * counts against the payment's balance, so a partner who retries cannot refund more than
 * was paid.
 */
@Component
public class RefundReconciler {

    private static final Logger log = LoggerFactory.getLogger(RefundReconciler.class);

    private static final int BATCH = 20;

    private final RefundRepository refunds;

    private final Acquirer acquirer;

    private final Clock clock;

    private final Duration retryDelay;

    private final PaymentService payments;

    private final Outbox outbox;

    private final RefundService refundService;

    private final TransactionTemplate transaction;

    RefundReconciler(RefundRepository refunds, Acquirer acquirer, Clock clock, PaymentService payments, Outbox outbox,
            RefundService refundService, PlatformTransactionManager transactionManager,
            @Value("${gyeol.reconciler.delay:30s}") Duration retryDelay) {
        this.payments = payments;
        this.outbox = outbox;
        this.refundService = refundService;
        this.transaction = new TransactionTemplate(transactionManager);
        this.refunds = refunds;
        this.acquirer = acquirer;
        this.clock = clock;
        this.retryDelay = retryDelay;
    }

    @Scheduled(fixedDelayString = "${gyeol.reconciler.interval:10s}",
            initialDelayString = "${gyeol.reconciler.interval:10s}")
    void run() {
        try {
            reconcileDue();
        }
        catch (RuntimeException ex) {
            log.error("Refund reconciliation round failed; the next round tries again", ex);
        }
    }

    /** Settles every refund that is due now; returns how many were settled. */
    public int reconcileDue() {
        return ClaimedWork.drain(BATCH, (size) -> {
            Instant now = this.clock.instant();
            return this.refunds.claimDue(now, now.plus(this.retryDelay), size);
        }, this::settle);
    }

    private boolean settle(RefundRepository.Unsettled unsettled) {
        Refund refund = unsettled.refund();
        Instant now = this.clock.instant();
        if (refund.status() == RefundStatus.PENDING && !this.refunds.transition(refund.id(), RefundStatus.PENDING,
                RefundStatus.UNKNOWN, now, now.plus(this.retryDelay))) {
            return false;
        }
        Outcome outcome;
        try {
            outcome = this.acquirer.inquireCancel(unsettled.originalReference(), refund.networkReference(),
                    refund.amount());
        }
        catch (RuntimeException ex) {
            outcome = new Outcome.Unknown("inquiry failed");
        }
        return switch (outcome) {
            case Outcome.Approved approved -> {
                log.info("Refund {} settled as approved after an unknown outcome", refund.id());
                yield Boolean.TRUE.equals(this.transaction.execute((status) -> {
                    boolean changed = this.refunds.transition(refund.id(), RefundStatus.UNKNOWN, RefundStatus.APPROVED,
                            this.clock.instant(), null);
                    if (changed) {
                        this.payments.findById(refund.paymentId()).ifPresent((payment) -> {
                            this.outbox.record(payment.partnerId(), EventType.CANCEL, refund.id());
                            this.refundService.adjustReceipt(payment);
                        });
                    }
                    return changed;
                }));
            }
            case Outcome.Declined declined -> {
                log.info("Refund {} settled as declined after an unknown outcome", refund.id());
                yield this.refunds.transition(refund.id(), RefundStatus.UNKNOWN, RefundStatus.DECLINED,
                        this.clock.instant(), null);
            }
            case Outcome.Unknown unknown -> {
                this.refunds.postpone(refund.id(), this.clock.instant().plus(this.retryDelay));
                yield false;
            }
        };
    }

}
