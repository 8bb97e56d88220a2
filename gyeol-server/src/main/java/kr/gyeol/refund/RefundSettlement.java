package kr.gyeol.refund;

import java.time.Clock;
import java.time.Instant;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.Outcome;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.refund.jdbc.RefundRepository;
import kr.gyeol.shared.ClaimedWork;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.Settlement;
import kr.gyeol.shared.SettlementBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles refunds of any API whose cancel outcome is unknown, or that a node which died
 * left PENDING (design rule 5): it asks the network and never cancels again. Until then
 * the refund counts against the payment's balance, so a partner who retries cannot refund
 * more than was paid.
 */
@Component
class RefundSettlement implements Settlement.Work {

    private static final Logger log = LoggerFactory.getLogger(RefundSettlement.class);

    private static final int BATCH = 20;

    private final RefundRepository refunds;

    private final Acquirer acquirer;

    private final Clock clock;

    private final SettlementBackoff backoff;

    private final PaymentService payments;

    private final Outbox outbox;

    private final RefundService refundService;

    private final TransactionTemplate transaction;

    RefundSettlement(RefundRepository refunds, Acquirer acquirer, Clock clock, PaymentService payments, Outbox outbox,
            RefundService refundService, PlatformTransactionManager transactionManager, SettlementBackoff backoff) {
        this.refunds = refunds;
        this.acquirer = acquirer;
        this.clock = clock;
        this.payments = payments;
        this.outbox = outbox;
        this.refundService = refundService;
        this.transaction = new TransactionTemplate(transactionManager);
        this.backoff = backoff;
    }

    @Override
    public int settleDue() {
        return ClaimedWork.drain(BATCH, (size) -> {
            Instant now = this.clock.instant();
            return this.refunds.claimDue(now, now.plus(this.backoff.lease()), size);
        }, this::settle);
    }

    private boolean settle(RefundRepository.Claimed claimed) {
        Refund refund = claimed.refund();
        Instant now = this.clock.instant();
        if (refund.status() == RefundStatus.PENDING && !this.refunds.transition(refund.id(), RefundStatus.PENDING,
                RefundStatus.UNKNOWN, now, now.plus(this.backoff.lease()))) {
            return false;
        }
        Outcome outcome;
        try {
            outcome = this.acquirer.inquireCancel(claimed.originalReference(), refund.networkReference(),
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
                        this.outbox.record(claimed.partnerId(), claimed.api().refundEvent(), refund.id());
                        this.payments.findById(refund.paymentId()).ifPresent(this.refundService::adjustReceipt);
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
                this.refunds.postpone(refund.id(), this.backoff.nextTryOrOperator("Refund " + refund.id(),
                        claimed.attempts(), this.clock.instant()));
                yield false;
            }
        };
    }

}
