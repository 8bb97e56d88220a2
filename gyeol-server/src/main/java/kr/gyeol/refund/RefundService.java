package kr.gyeol.refund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.Outcome;
import kr.gyeol.payment.CashReceipts;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.payment.PaymentStatus;
import kr.gyeol.refund.jdbc.RefundRepository;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels all or part of a payment (design rule 3). The refund is reserved as a PENDING
 * row while the payment's row is locked and the balance is derived from the existing
 * refunds; the network is called after that transaction, and its answer recorded by a
 * conditional update.
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final PaymentService payments;

    private final RefundRepository refunds;

    private final Acquirer acquirer;

    private final Clock clock;

    private final Outbox outbox;

    private final CashReceipts cashReceipts;

    private final TransactionTemplate transaction;

    private final Duration unknownDelay;

    private final Duration stuckAfter;

    RefundService(PaymentService payments, RefundRepository refunds, Acquirer acquirer, Clock clock, Outbox outbox,
            CashReceipts cashReceipts, PlatformTransactionManager transactionManager,
            @Value("${gyeol.reconciler.delay:30s}") Duration unknownDelay,
            @Value("${gyeol.reconciler.stuck-after:5m}") Duration stuckAfter) {
        this.unknownDelay = unknownDelay;
        this.stuckAfter = stuckAfter;
        this.payments = payments;
        this.refunds = refunds;
        this.acquirer = acquirer;
        this.clock = clock;
        this.outbox = outbox;
        this.cashReceipts = cashReceipts;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Refunds {@code amount} of the partner's payment {@code orderId} made on
     * {@code paymentDate} ({@code yyyyMMdd}, Korean time).
     * @param vat the VAT part the partner gave, or null to derive it
     */
    public RefundResult refund(String partnerId, String orderId, String paymentDate, long amount, Long vat) {
        if (amount <= 0) {
            throw new RefundRejected(RefundRejected.Reason.INVALID_AMOUNT);
        }
        Instant now = clock.instant();
        Reservation reservation = transaction
            .execute(status -> reserve(partnerId, orderId, paymentDate, amount, vat, now));
        Refund refund = reservation.refund();
        Outcome outcome;
        try {
            outcome = acquirer.cancel(reservation.payment().networkReference(), refund.networkReference(), amount);
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
        CashReceipts.AfterRefund receipt;
        try {
            receipt = transaction.execute((status) -> {
                if (this.refunds.transition(refund.id(), RefundStatus.PENDING, next, answeredAt,
                        answeredAt.plus(this.unknownDelay)) && next == RefundStatus.APPROVED) {
                    this.outbox.record(reservation.payment().partnerId(), EventType.CANCEL, refund.id());
                    return adjustReceipt(reservation.payment());
                }
                return CashReceipts.AfterRefund.NONE;
            });
        }
        catch (RuntimeException e) {
            // The network was asked and may have refunded: an answer that is not recorded
            // is unknown. The PENDING refund keeps counting against the balance until the
            // reconciler asks the network.
            log.error("Could not record the network's answer ({}) for refund {}; its outcome is unknown until the"
                    + " reconciler settles it: {}", next, refund.id(), e.getClass().getSimpleName());
            Refund unknown = new Refund(refund.id(), refund.paymentId(), RefundStatus.UNKNOWN, refund.amount(),
                    refund.vat(), refund.networkReference(), refund.requestedAt(), null);
            return new RefundResult(unknown, reservation.payment(), reservation.remainingAfter(),
                    CashReceipts.AfterRefund.NONE);
        }
        if (next == RefundStatus.DECLINED) {
            throw new RefundRejected(RefundRejected.Reason.NETWORK_REFUSED);
        }
        Refund recorded = new Refund(refund.id(), refund.paymentId(), next, refund.amount(), refund.vat(),
                refund.networkReference(), refund.requestedAt(),
                next == RefundStatus.APPROVED ? clock.instant() : null);
        return new RefundResult(recorded, reservation.payment(), reservation.remainingAfter(), receipt);
    }

    private record Reservation(Refund refund, Payment payment, long remainingAfter) {
    }

    /**
     * Cancels, or re-issues for what remains, the cash receipt of a payment that was just
     * refunded; under the payment's row lock, in the refund's transaction.
     */
    CashReceipts.AfterRefund adjustReceipt(Payment refunded) {
        Payment payment = this.payments.lockForRefund(refunded.partnerId(), refunded.orderId()).orElseThrow();
        RefundRepository.Totals counted = this.refunds.counted(payment.id());
        return this.cashReceipts.afterRefund(payment, payment.amount() - counted.amount(),
                payment.vat() - counted.vat());
    }

    private Reservation reserve(String partnerId, String orderId, String paymentDate, long amount, Long vat,
            Instant now) {
        Payment payment = payments.lockForRefund(partnerId, orderId)
            .filter(found -> found.status() == PaymentStatus.APPROVED)
            .filter(found -> paymentDate != null && (paymentDate.equals(KoreanTime.date(found.payTime()))
                    || paymentDate.equals(KoreanTime.date(found.requestedAt()))))
            .orElseThrow(() -> new RefundRejected(RefundRejected.Reason.PAYMENT_NOT_FOUND));
        RefundRepository.Totals counted = refunds.counted(payment.id());
        long remaining = payment.amount() - counted.amount();
        if (amount > remaining) {
            throw new RefundRejected(RefundRejected.Reason.EXCEEDS_BALANCE);
        }
        long remainingVat = payment.vat() - counted.vat();
        long refundVat;
        if (vat != null) {
            if (vat > amount || vat > remainingVat) {
                throw new RefundRejected(RefundRejected.Reason.INVALID_AMOUNT);
            }
            refundVat = vat;
        }
        else if (amount == remaining) {
            // The last refund takes whatever VAT is left, so the parts add up to the
            // payment's VAT.
            refundVat = remainingVat;
        }
        else {
            refundVat = payment.taxable() ? Math.min(Money.won(amount).includedVat().amount(), remainingVat) : 0;
        }
        Refund refund = new Refund(Tokens.urlSafe(16), payment.id(), RefundStatus.PENDING, amount, refundVat,
                KoreanTime.seconds(now) + Tokens.digits(10), now, null);
        this.refunds.insertPending(refund, now.plus(this.stuckAfter));
        return new Reservation(refund, payment, remaining - amount);
    }

}
