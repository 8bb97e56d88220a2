package kr.gyeol.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.Inquiry;
import kr.gyeol.network.Outcome;
import kr.gyeol.payment.jdbc.PaymentRepository;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.ClaimedWork;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.Settlement;
import kr.gyeol.shared.SettlementBackoff;
import kr.gyeol.vault.Vault;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles payments of any API whose outcome is unknown: a network timeout, or a node that
 * died between writing the PENDING row and recording the answer. It asks the network what
 * happened and never charges again; the billing key is decrypted only if the acquirer
 * needs it to answer.
 */
@Component
public class PaymentSettlement implements Settlement.Work {

    private static final int BATCH = 20;

    private final PaymentRepository payments;

    private final Vault vault;

    private final Acquirer acquirer;

    private final Clock clock;

    private final SettlementBackoff backoff;

    private final Outbox outbox;

    private final PaymentReceipts cashReceipts;

    private final TransactionTemplate transaction;

    private final PaymentMetrics metrics;

    PaymentSettlement(PaymentRepository payments, Vault vault, Acquirer acquirer, Clock clock, Outbox outbox,
            PaymentReceipts cashReceipts, PlatformTransactionManager transactionManager, SettlementBackoff backoff,
            PaymentMetrics metrics) {
        this.metrics = metrics;
        this.payments = payments;
        this.vault = vault;
        this.acquirer = acquirer;
        this.clock = clock;
        this.outbox = outbox;
        this.cashReceipts = cashReceipts;
        this.transaction = new TransactionTemplate(transactionManager);
        this.backoff = backoff;
    }

    /**
     * Settles the partner's unknown payments now, whatever their wait (a test's "settle
     * now"), with everything else that is due; how many rows were taken up.
     */
    public int settleNow(PartnerId partnerId) {
        this.payments.unknownDueNow(partnerId, this.clock.instant());
        return settleDue();
    }

    @Override
    public int settleDue() {
        return ClaimedWork.drain(BATCH, (size) -> {
            Instant now = this.clock.instant();
            return this.payments.claimDue(now, now.plus(this.backoff.lease()), size);
        }, this::settle);
    }

    /** Records the settlement and its webhook event in one transaction. */
    private boolean settled(Payment payment, PaymentStatus result, BooleanSupplier change) {
        boolean settled = Boolean.TRUE.equals(this.transaction.execute((status) -> {
            boolean changed = change.getAsBoolean();
            if (changed) {
                this.outbox.record(payment.partnerId(), payment.api().paymentEvent(), payment.id().value());
            }
            return changed;
        }));
        if (settled) {
            this.metrics.settled(result);
        }
        return settled;
    }

    private Outcome inquire(Payment payment) {
        if (payment.appCard() != null) {
            return this.acquirer.inquireInApp(payment.networkReference(), payment.appCard().token(), payment.amount());
        }
        return this.acquirer.inquire(payment.networkReference(), payment.amount(),
                () -> this.vault.reveal(payment.billingKeyId()).instrument());
    }

    private boolean settle(PaymentRepository.Claimed claimed) {
        Payment payment = claimed.payment();
        return Inquiry.settle(new Inquiry.Row() {

            @Override
            public String subject() {
                return "Payment " + payment.id();
            }

            @Override
            public int attempts() {
                return claimed.attempts();
            }

            @Override
            public boolean markUnknown(Instant until) {
                return payment.status() != PaymentStatus.PENDING
                        || PaymentSettlement.this.payments.markUnknown(payment.id(), until);
            }

            @Override
            public Outcome inquire() {
                return PaymentSettlement.this.inquire(payment);
            }

            @Override
            public boolean approved(Outcome.Approved approved, Instant now) {
                return settled(payment, PaymentStatus.APPROVED, () -> {
                    boolean changed = PaymentSettlement.this.payments.approve(payment.id(), PaymentStatus.UNKNOWN,
                            approved.approvalNumber(), now);
                    if (changed) {
                        PaymentSettlement.this.cashReceipts.issueWithPayment(payment, null);
                    }
                    return changed;
                });
            }

            @Override
            public boolean declined(Outcome.Declined declined, Instant now) {
                return settled(payment, PaymentStatus.DECLINED,
                        () -> PaymentSettlement.this.payments.decline(payment.id(), PaymentStatus.UNKNOWN,
                                new Payment.Decline(declined.reason(), declined.institutionCode(),
                                        declined.institutionMessage()),
                                now));
            }

            @Override
            public void postpone(Instant next) {
                PaymentSettlement.this.payments.postpone(payment.id(), next);
            }

        }, this.backoff, this.clock);
    }

}
