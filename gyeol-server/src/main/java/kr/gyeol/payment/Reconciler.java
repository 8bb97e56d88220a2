package kr.gyeol.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.Outcome;
import kr.gyeol.payment.jdbc.PaymentRepository;
import kr.gyeol.shared.ClaimedWork;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.Outbox;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import kr.gyeol.vault.ChargeableKey;
import kr.gyeol.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles payments whose outcome is unknown (design rule 5): a network timeout, or a node
 * that died between writing the PENDING row and recording the answer. It asks the network
 * what happened and never charges again. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of nodes may run it.
 */
@Component
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private static final int BATCH = 20;

    private final PaymentRepository payments;

    private final Vault vault;

    private final Acquirer acquirer;

    private final Clock clock;

    private final Duration retryDelay;

    private final Outbox outbox;

    private final CashReceipts cashReceipts;

    private final TransactionTemplate transaction;

    Reconciler(PaymentRepository payments, Vault vault, Acquirer acquirer, Clock clock, Outbox outbox,
            CashReceipts cashReceipts, PlatformTransactionManager transactionManager,
            @Value("${gyeol.reconciler.delay:30s}") Duration retryDelay) {
        this.outbox = outbox;
        this.cashReceipts = cashReceipts;
        this.transaction = new TransactionTemplate(transactionManager);
        this.payments = payments;
        this.vault = vault;
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
        catch (RuntimeException e) {
            log.error("Reconciliation round failed; the next round tries again", e);
        }
    }

    /** Settles every payment that is due now; returns how many were settled. */
    public int reconcileDue() {
        return ClaimedWork.drain(BATCH, (size) -> {
            Instant now = this.clock.instant();
            return this.payments.claimDue(now, now.plus(this.retryDelay), size);
        }, this::settle);
    }

    /** Records the settlement and its webhook event in one transaction. */
    private boolean settled(Payment payment, java.util.function.BooleanSupplier change) {
        return Boolean.TRUE.equals(this.transaction.execute((status) -> {
            boolean changed = change.getAsBoolean();
            if (changed) {
                this.outbox.record(payment.partnerId(), EventType.PAYMENT, payment.id());
            }
            return changed;
        }));
    }

    private Outcome inquire(Payment payment) {
        if (payment.appCard() != null) {
            return acquirer.inquireInApp(payment.networkReference(), payment.appCard().token(), payment.amount());
        }
        ChargeableKey key = vault.reveal(payment.billingKeyId());
        return acquirer.inquire(payment.networkReference(), key.card(), key.account(), payment.amount());
    }

    private boolean settle(Payment payment) {
        if (payment.status() == PaymentStatus.PENDING
                && !payments.markUnknown(payment.id(), clock.instant().plus(retryDelay))) {
            return false;
        }
        Outcome outcome;
        try {
            outcome = inquire(payment);
        }
        catch (RuntimeException e) {
            outcome = new Outcome.Unknown("inquiry failed");
        }
        Instant now = clock.instant();
        return switch (outcome) {
            case Outcome.Approved approved -> {
                log.info("Payment {} settled as approved after an unknown outcome", payment.id());
                yield settled(payment, () -> {
                    boolean changed = payments.approve(payment.id(), PaymentStatus.UNKNOWN, approved.approvalNumber(),
                            now);
                    if (changed) {
                        cashReceipts.issueWithPayment(payment, null);
                    }
                    return changed;
                });
            }
            case Outcome.Declined declined -> {
                log.info("Payment {} settled as declined after an unknown outcome", payment.id());
                yield settled(payment,
                        () -> payments.decline(payment.id(), PaymentStatus.UNKNOWN,
                                new Payment.Decline(declined.reason().name(), declined.institutionCode(),
                                        declined.institutionMessage()),
                                now));
            }
            case Outcome.Unknown unknown -> {
                payments.postpone(payment.id(), now.plus(retryDelay));
                yield false;
            }
        };
    }

}
