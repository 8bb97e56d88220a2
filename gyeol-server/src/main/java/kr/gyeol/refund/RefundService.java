package kr.gyeol.refund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import kr.gyeol.network.Acquirer;
import kr.gyeol.network.NetworkCall;
import kr.gyeol.network.Outcome;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentReceipts;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.payment.AfterRefund;
import kr.gyeol.refund.jdbc.RefundRepository;
import kr.gyeol.shared.AmbiguousCommit;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.PaymentId;
import kr.gyeol.shared.RefundId;
import kr.gyeol.shared.ReconcilerProperties;
import kr.gyeol.shared.SingleUse;
import kr.gyeol.shared.Tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels all or part of a payment of any API and currency (design rule 3). The refund is
 * reserved as a PENDING row while the payment's row is locked and the balance is derived
 * from the existing refunds; the network is called after that transaction, and its answer
 * recorded by a conditional update.
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final PaymentService payments;

    private final RefundRepository refunds;

    private final Acquirer acquirer;

    private final Clock clock;

    private final Outbox outbox;

    private final PaymentReceipts cashReceipts;

    private final TransactionTemplate transaction;

    private final Duration unknownDelay;

    private final Duration stuckAfter;

    RefundService(PaymentService payments, RefundRepository refunds, Acquirer acquirer, Clock clock, Outbox outbox,
            PaymentReceipts cashReceipts, PlatformTransactionManager transactionManager,
            ReconcilerProperties reconciler) {
        this.unknownDelay = reconciler.delay();
        this.stuckAfter = reconciler.stuckAfter();
        this.payments = payments;
        this.refunds = refunds;
        this.acquirer = acquirer;
        this.clock = clock;
        this.outbox = outbox;
        this.cashReceipts = cashReceipts;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Refunds {@code amount} of the partner's domestic payment {@code orderId} made on
     * {@code paymentDate} ({@code yyyyMMdd}, Korean time).
     * @param vat the VAT part the partner gave, or null to derive it
     * @throws RefundRejected when nothing was cancelled, also when the network refused
     */
    public RefundResult refund(PartnerId partnerId, OrderId orderId, String paymentDate, long amount, Long vat) {
        return refund(partnerId, orderId, paymentDate, amount, vat, SingleUse.SPENT);
    }

    /**
     * The same, spending the AuthKey that authorized it in the transaction that reserves
     * the refund.
     * @throws SingleUse.AlreadySpent when the AuthKey was spent before; nothing was
     * refunded
     */
    public RefundResult refund(PartnerId partnerId, OrderId orderId, String paymentDate, long amount, Long vat,
            SingleUse use) {
        if (amount <= 0) {
            throw new RefundRejected(RefundRejected.Reason.INVALID_AMOUNT);
        }
        RefundResult result = refund(
                () -> Optional.ofNullable(orderId)
                    .flatMap((given) -> payments.lockForRefund(partnerId, given))
                    .filter(found -> paymentDate != null && (paymentDate.equals(KoreanTime.date(found.payTime()))
                            || paymentDate.equals(KoreanTime.date(found.requestedAt())))),
                Money.won(amount), vat, null, use);
        if (result.refund().status() == RefundStatus.DECLINED) {
            throw new RefundRejected(RefundRejected.Reason.NETWORK_REFUSED);
        }
        return result;
    }

    /**
     * Cancels all or part of an overseas payment, found by its id or else its order id,
     * in its currency. A cancel the network declined is returned as such.
     * @throws RefundRejected when nothing was sent to the network
     */
    public RefundResult refundOverseas(PartnerId partnerId, PaymentId paymentId, OrderId orderId, Money amount,
            String comments) {
        return refund(
                () -> paymentId != null
                        ? payments.lockForRefundById(partnerId, paymentId)
                            .filter(found -> found.api() == PaymentApi.GPAY)
                        : payments.lockForRefund(partnerId, PaymentApi.GPAY, orderId),
                amount, null, comments, SingleUse.SPENT);
    }

    /**
     * Refunds {@code amount} of the partner's payment {@code paymentId}, whatever API
     * made it, in its own currency: the console's refund button.
     * @throws RefundRejected when nothing was cancelled, also when the network refused
     */
    public RefundResult refundPayment(PartnerId partnerId, PaymentId paymentId, long amount, String comments) {
        if (amount <= 0) {
            throw new RefundRejected(RefundRejected.Reason.INVALID_AMOUNT);
        }
        Optional<Payment> found = payments.findById(paymentId)
            .filter((payment) -> payment.partnerId().equals(partnerId));
        if (found.isEmpty()) {
            throw new RefundRejected(RefundRejected.Reason.PAYMENT_NOT_FOUND);
        }
        RefundResult result = refund(() -> payments.lockForRefundById(partnerId, paymentId),
                new Money(amount, found.get().amount().currency()), null, comments, SingleUse.SPENT);
        if (result.refund().status() == RefundStatus.DECLINED) {
            throw new RefundRejected(RefundRejected.Reason.NETWORK_REFUSED);
        }
        return result;
    }

    /**
     * The one refund path: reserve under the payment's row lock, ask the network, record
     * the answer with its webhook event and cash receipt.
     */
    private RefundResult refund(Supplier<Optional<Payment>> lockPayment, Money amount, Long vat, String comments,
            SingleUse use) {
        Instant now = clock.instant();
        Reservation[] written = new Reservation[1];
        Reservation reservation;
        try {
            reservation = transaction.execute(status -> {
                use.spendOrThrow();
                written[0] = reserve(lockPayment, amount, vat, comments, now);
                return written[0];
            });
        }
        catch (AmbiguousCommit e) {
            // The PENDING refund may or may not be there: the network is not asked, and
            // the answer is unknown. If it was committed it counts against the balance
            // until the settlement loop learns from the network that it never saw the
            // cancel.
            Refund refund = written[0].refund();
            log.error("The commit of refund {} may or may not have happened; its outcome is unknown until the"
                    + " settlement loop settles it", refund.id());
            return new RefundResult(refund.with(RefundStatus.UNKNOWN, null), written[0].payment(),
                    written[0].remainingAfter(), AfterRefund.NONE);
        }
        Refund refund = reservation.refund();
        Payment payment = reservation.payment();
        Outcome outcome;
        try {
            outcome = new NetworkCall(payment.partnerId(), payment.billingKeyId())
                .run(() -> acquirer.cancel(payment.networkReference(), refund.networkReference(), amount));
        }
        catch (RuntimeException e) {
            log.warn("Cancel call for refund {} failed: {}", refund.id(), e.getClass().getSimpleName());
            outcome = new Outcome.Unknown("network call failed");
        }
        RefundStatus next = switch (outcome) {
            case Outcome.Approved approved -> RefundStatus.APPROVED;
            case Outcome.Declined declined -> RefundStatus.DECLINED;
            case Outcome.Unknown unknown -> RefundStatus.UNKNOWN;
        };
        Instant answeredAt = this.clock.instant();
        AfterRefund receipt;
        try {
            receipt = transaction.execute((status) -> {
                if (this.refunds.transition(refund.id(), RefundStatus.PENDING, next, answeredAt,
                        answeredAt.plus(this.unknownDelay)) && next == RefundStatus.APPROVED) {
                    this.outbox.record(payment.partnerId(), payment.api().refundEvent(), refund.id().value());
                    return adjustReceipt(payment);
                }
                return AfterRefund.NONE;
            });
        }
        catch (RuntimeException e) {
            // The network was asked and may have refunded: an answer that is not recorded
            // is unknown. The PENDING refund keeps counting against the balance until the
            // settlement loop asks the network.
            log.error("Could not record the network's answer ({}) for refund {}; its outcome is unknown until the"
                    + " settlement loop settles it: {}", next, refund.id(), e.getClass().getSimpleName());
            return new RefundResult(refund.with(RefundStatus.UNKNOWN, null), payment, reservation.remainingAfter(),
                    AfterRefund.NONE);
        }
        Refund recorded = refund.with(next, next == RefundStatus.UNKNOWN ? null : answeredAt);
        log.info("Refund {} of payment {} ({}): {}", recorded.id(), payment.id(), recorded.amount(), next);
        return new RefundResult(recorded, payment, reservation.remainingAfter(), receipt);
    }

    /** A refund with the payment it cancels. */
    public record OfPayment(Refund refund, Payment payment) {
    }

    /** A refund by its id, with its payment. */
    public Optional<OfPayment> find(RefundId refundId) {
        return this.refunds.find(refundId)
            .flatMap((refund) -> this.payments.findById(refund.paymentId())
                .map((payment) -> new OfPayment(refund, payment)));
    }

    /**
     * Every refund of a payment, pending, unknown and declined ones too, oldest first.
     */
    public List<Refund> of(PaymentId paymentId) {
        return this.refunds.allOf(paymentId);
    }

    /** The approved refunds of a payment, oldest first, e.g. for its receipt. */
    public List<Refund> approvedOf(PaymentId paymentId) {
        return this.refunds.approvedOf(paymentId);
    }

    private record Reservation(Refund refund, Payment payment, long remainingAfter) {
    }

    /**
     * Cancels, or re-issues for what remains, the cash receipt of a payment that was just
     * refunded; under the payment's row lock, in the refund's transaction.
     */
    AfterRefund adjustReceipt(Payment refunded) {
        if (refunded.api() != PaymentApi.PAYPLE) {
            return AfterRefund.NONE;
        }
        Payment payment = this.payments.lockForRefund(refunded.partnerId(), refunded.orderId()).orElseThrow();
        RefundRepository.Totals counted = this.refunds.counted(payment.id());
        return this.cashReceipts.afterRefund(payment, Money.won(payment.amount().amount() - counted.amount()),
                Money.won(payment.vat().amount() - counted.vat()));
    }

    private Reservation reserve(Supplier<Optional<Payment>> lockPayment, Money amount, Long vat, String comments,
            Instant now) {
        Payment payment = lockPayment.get()
            .filter(Payment::approved)
            .orElseThrow(() -> new RefundRejected(RefundRejected.Reason.PAYMENT_NOT_FOUND));
        if (!payment.amount().currency().equals(amount.currency())) {
            throw new RefundRejected(RefundRejected.Reason.CURRENCY_MISMATCH);
        }
        RefundRepository.Totals counted = refunds.counted(payment.id());
        long remaining = payment.amount().amount() - counted.amount();
        if (amount.amount() <= 0) {
            throw new RefundRejected(RefundRejected.Reason.INVALID_AMOUNT);
        }
        if (amount.amount() > remaining) {
            throw new RefundRejected(RefundRejected.Reason.EXCEEDS_BALANCE);
        }
        long remainingVat = payment.vat().amount() - counted.vat();
        long refundVat;
        if (vat != null) {
            if (vat > amount.amount() || vat > remainingVat) {
                throw new RefundRejected(RefundRejected.Reason.INVALID_AMOUNT);
            }
            refundVat = vat;
        }
        else if (amount.amount() == remaining) {
            // The last refund takes whatever VAT is left, so the parts add up to the
            // payment's VAT.
            refundVat = remainingVat;
        }
        else {
            refundVat = payment.taxable() ? Math.min(amount.includedVat().amount(), remainingVat) : 0;
        }
        RefundId id = RefundId.of(payment.api().newId());
        Refund refund = new Refund(id, payment.id(), RefundStatus.PENDING, amount,
                new Money(refundVat, amount.currency()), KoreanTime.seconds(now) + Tokens.digits(10), now, null,
                comments);
        this.refunds.insertPending(refund, payment.api(), now.plus(this.stuckAfter));
        return new Reservation(refund, payment, remaining - amount.amount());
    }

}
