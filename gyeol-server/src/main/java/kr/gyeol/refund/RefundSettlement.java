package kr.gyeol.refund;

import java.time.Clock;
import java.time.Instant;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.Inquiry;
import kr.gyeol.network.Outcome;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.refund.jdbc.RefundRepository;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.ClaimedWork;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.Settlement;
import kr.gyeol.shared.SettlementBackoff;
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
public class RefundSettlement implements Settlement.Work {

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

    /**
     * Settles the partner's unknown refunds now, whatever their wait (a test's "settle
     * now"), with everything else that is due; how many rows were taken up.
     */
    public int settleNow(PartnerId partnerId) {
        this.refunds.unknownDueNow(partnerId, this.clock.instant());
        return settleDue();
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
        return Inquiry.settle(new Inquiry.Row() {

            @Override
            public String subject() {
                return "Refund " + refund.id();
            }

            @Override
            public int attempts() {
                return claimed.attempts();
            }

            @Override
            public boolean markUnknown(Instant until) {
                return refund.status() != RefundStatus.PENDING || RefundSettlement.this.refunds.transition(refund.id(),
                        RefundStatus.PENDING, RefundStatus.UNKNOWN, RefundSettlement.this.clock.instant(), until);
            }

            @Override
            public Outcome inquire() {
                return RefundSettlement.this.acquirer.inquireCancel(claimed.originalReference(),
                        refund.networkReference(), refund.amount());
            }

            @Override
            public boolean approved(Outcome.Approved approved, Instant now) {
                return Boolean.TRUE.equals(RefundSettlement.this.transaction.execute((status) -> {
                    boolean changed = RefundSettlement.this.refunds.transition(refund.id(), RefundStatus.UNKNOWN,
                            RefundStatus.APPROVED, now, null);
                    if (changed) {
                        RefundSettlement.this.outbox.record(claimed.partnerId(), claimed.api().refundEvent(),
                                refund.id().value());
                        RefundSettlement.this.payments.findById(refund.paymentId())
                            .ifPresent(RefundSettlement.this.refundService::adjustReceipt);
                    }
                    return changed;
                }));
            }

            @Override
            public boolean declined(Outcome.Declined declined, Instant now) {
                return RefundSettlement.this.refunds.transition(refund.id(), RefundStatus.UNKNOWN,
                        RefundStatus.DECLINED, now, null);
            }

            @Override
            public void postpone(Instant next) {
                RefundSettlement.this.refunds.postpone(refund.id(), next);
            }

        }, this.backoff, this.clock);
    }

}
