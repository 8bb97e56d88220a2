package kr.gyeol.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.Outcome;
import kr.gyeol.payment.jdbc.PaymentRepository;
import kr.gyeol.shared.ClaimedWork;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.Settlement;
import kr.gyeol.shared.SettlementBackoff;
import kr.gyeol.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
class PaymentSettlement implements Settlement.Work {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

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
        if (payment.status() == PaymentStatus.PENDING
                && !this.payments.markUnknown(payment.id(), this.clock.instant().plus(this.backoff.lease()))) {
            return false;
        }
        Outcome outcome;
        try {
            outcome = inquire(payment);
        }
        catch (RuntimeException e) {
            outcome = new Outcome.Unknown("inquiry failed");
        }
        Instant now = this.clock.instant();
        return switch (outcome) {
            case Outcome.Approved approved -> {
                log.info("Payment {} settled as approved after an unknown outcome", payment.id());
                yield settled(payment, PaymentStatus.APPROVED, () -> {
                    boolean changed = this.payments.approve(payment.id(), PaymentStatus.UNKNOWN,
                            approved.approvalNumber(), now);
                    if (changed) {
                        this.cashReceipts.issueWithPayment(payment, null);
                    }
                    return changed;
                });
            }
            case Outcome.Declined declined -> {
                log.info("Payment {} settled as declined after an unknown outcome", payment.id());
                yield settled(payment, PaymentStatus.DECLINED,
                        () -> this.payments.decline(payment.id(), PaymentStatus.UNKNOWN,
                                new Payment.Decline(declined.reason().name(), declined.institutionCode(),
                                        declined.institutionMessage()),
                                now));
            }
            case Outcome.Unknown unknown -> {
                this.payments.postpone(payment.id(),
                        this.backoff.nextTryOrOperator("Payment " + payment.id(), claimed.attempts(), now));
                yield false;
            }
        };
    }

}
