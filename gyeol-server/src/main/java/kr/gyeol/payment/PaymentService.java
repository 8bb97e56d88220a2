package kr.gyeol.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kr.gyeol.network.Acquirer;
import kr.gyeol.network.NetworkCall;
import kr.gyeol.network.Outcome;
import kr.gyeol.payment.jdbc.PaymentRepository;
import kr.gyeol.shared.AmbiguousCommit;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Payer;
import kr.gyeol.shared.PaymentId;
import kr.gyeol.shared.ReconcilerProperties;
import kr.gyeol.shared.SingleUse;
import kr.gyeol.shared.Tokens;
import kr.gyeol.vault.ChargeableKey;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one charge engine, for every API and currency: billing keys of cards and accounts,
 * app cards, and foreign cards of the overseas API. A charge is two short transactions
 * around the network call, so no database connection waits on the network: the first
 * writes the PENDING row (the unique constraints decide duplicates), the second records
 * the network's answer with a conditional update, and the payment's webhook event with
 * it.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;

    private final Vault vault;

    private final Acquirer acquirer;

    private final Clock clock;

    private final Outbox outbox;

    private final PaymentReceipts cashReceipts;

    private final TransactionTemplate transaction;

    private final Duration unknownDelay;

    private final Duration stuckAfter;

    private final PaymentMetrics metrics;

    PaymentService(PaymentRepository payments, Vault vault, Acquirer acquirer, Clock clock, Outbox outbox,
            PaymentReceipts cashReceipts, PlatformTransactionManager transactionManager, PaymentMetrics metrics,
            ReconcilerProperties reconciler) {
        this.payments = payments;
        this.vault = vault;
        this.acquirer = acquirer;
        this.clock = clock;
        this.outbox = outbox;
        this.cashReceipts = cashReceipts;
        this.transaction = new TransactionTemplate(transactionManager);
        this.unknownDelay = reconciler.delay();
        this.stuckAfter = reconciler.stuckAfter();
        this.metrics = metrics;
    }

    /**
     * Charges a billing key, or a card approved in an app, once. Returns the payment as
     * it ended: APPROVED, DECLINED, or UNKNOWN when the network did not answer (then the
     * reconciler settles it; it is never charged again).
     * @throws ChargeRejected when nothing was charged because the request cannot be
     * carried out
     */
    public Payment charge(ChargeRequest request) {
        return charge(request, SingleUse.SPENT);
    }

    /**
     * The same, spending the AuthKey that authorized it in the transaction of its PENDING
     * payment: the charge and the key's use commit together, and of two charges racing
     * with one key only one is made.
     * @throws SingleUse.AlreadySpent when the key was spent before; nothing was charged
     */
    public Payment charge(ChargeRequest request, SingleUse use) {
        if (request.method().belowMinimum(request.amount())) {
            throw new ChargeRejected(ChargeRejected.Reason.AMOUNT_BELOW_MINIMUM);
        }
        if (request.goods() == null || request.goods().isBlank()) {
            throw new ChargeRejected(ChargeRejected.Reason.GOODS_MISSING);
        }
        long vat = vat(request);
        Instant now = clock.instant();
        OrderId orderId = request.orderId() != null ? request.orderId() : request.api().newOrderId(now);

        Pending[] written = new Pending[1];
        Pending pending;
        try {
            pending = transaction.execute(status -> {
                use.spendOrThrow();
                written[0] = writePending(request, orderId, vat, now);
                return written[0];
            });
        }
        catch (AmbiguousCommit e) {
            // The PENDING row may or may not be there: the network is not asked, and the
            // answer is unknown, never "try again". If the row was committed, the
            // settlement loop takes it over once it looks stuck and learns from the
            // network that it never saw the charge.
            log.error("The commit of payment {} (order {}) may or may not have happened; its outcome is unknown"
                    + " until the settlement loop settles it", written[0].payment().id(), orderId);
            Payment unknown = written[0].payment().markUnknown();
            metrics.charged(unknown);
            return unknown;
        }
        Outcome outcome = callNetwork(pending, request.method());
        Instant answeredAt = clock.instant();
        Payment pendingPayment = pending.payment();
        Payment settled = switch (outcome) {
            case Outcome.Approved approved -> pendingPayment.approve(approved.approvalNumber(), answeredAt);
            case Outcome.Declined declined -> pendingPayment.decline(
                    new Payment.Decline(declined.reason(), declined.institutionCode(), declined.institutionMessage()),
                    answeredAt);
            case Outcome.Unknown unknown -> pendingPayment.markUnknown();
        };
        boolean recorded;
        try {
            recorded = Boolean.TRUE.equals(transaction.execute(status -> {
                boolean changed = switch (settled.status()) {
                    case APPROVED ->
                        payments.approve(settled.id(), PaymentStatus.PENDING, settled.approvalNumber(), answeredAt);
                    case DECLINED ->
                        payments.decline(settled.id(), PaymentStatus.PENDING, settled.decline(), answeredAt);
                    case UNKNOWN -> payments.markUnknown(settled.id(), answeredAt.plus(unknownDelay));
                    case PENDING -> throw new IllegalStateException("An outcome never leaves a payment pending");
                };
                if (changed && settled.status() == PaymentStatus.APPROVED) {
                    cashReceipts.issueWithPayment(settled, request.cashReceiptIdentity());
                }
                if (changed && settled.status() != PaymentStatus.UNKNOWN) {
                    outbox.record(settled.partnerId(), settled.api().paymentEvent(), settled.id().value());
                }
                return changed;
            }));
        }
        catch (RuntimeException e) {
            // The network was asked and may have charged the card: whatever it answered,
            // a payment whose answer is not recorded is unknown, never "try again". The
            // PENDING row stays for the reconciler, which asks the network.
            log.error(
                    "Could not record the network's answer ({}) for payment {}; its outcome is unknown until the"
                            + " reconciler settles it: {}",
                    settled.status(), settled.id(), e.getClass().getSimpleName());
            Payment unknown = unrecorded(pendingPayment, answeredAt);
            metrics.charged(unknown);
            return unknown;
        }
        try {
            if (recorded) {
                metrics.charged(settled);
                log.info("Payment {} of partner {} (order {}, {} {}): {}", settled.id(), settled.partnerId(),
                        settled.orderId(), settled.instrument(), settled.amount(), settled.status());
                // A cash receipt issued with the approval is read back with the payment.
                return settled.cashReceipt() && settled.status() == PaymentStatus.APPROVED
                        ? cashReceipts.withReceipt(settled) : settled;
            }
            // The reconciler took the payment over (it looked stuck); report what it
            // decided.
            log.warn("Payment {} was settled elsewhere while its network call was running", settled.id());
            return cashReceipts.withReceipt(payments.find(settled.id()).orElseThrow());
        }
        catch (RuntimeException e) {
            log.warn("Could not read payment {} back after recording it: {}", settled.id(),
                    e.getClass().getSimpleName());
            return recorded ? settled : pendingPayment.markUnknown();
        }
    }

    /**
     * Marks a payment whose answer could not be recorded UNKNOWN if the database lets us;
     * if not, its PENDING row is claimed by the reconciler once it looks stuck.
     */
    private Payment unrecorded(Payment pending, Instant answeredAt) {
        try {
            payments.markUnknown(pending.id(), answeredAt.plus(unknownDelay));
        }
        catch (RuntimeException stillFailing) {
            log.warn("Payment {} stays PENDING for the reconciler: {}", pending.id(),
                    stillFailing.getClass().getSimpleName());
        }
        return pending.markUnknown();
    }

    private record Pending(Payment payment, ChargeableKey key) {
    }

    private Pending writePending(ChargeRequest request, OrderId orderId, long vat, Instant now) {
        ChargeableKey key = request.appCard() == null ? lockKey(request) : null;
        String maskedNumber = key != null ? key.key().maskedNumber() : request.appCard().maskedNumber();
        String institutionCode = key != null ? key.key().institutionCode() : request.appCard().institutionCode();
        String institutionName = key != null ? key.key().institutionName() : request.appCard().institutionName();
        Payer payer = request.payer();
        Overseas overseas = request.overseas();
        if (request.overseas() != null) {
            // Names and e-mail default to the key's first payment's (spec §5.3).
            // A domestic charge of the same key has no overseas fields to lend.
            Optional<Payment> first = payments.firstOverseasOf(request.billingKeyId());
            overseas = new Overseas(orElse(overseas.firstName(), first.map(p -> p.overseas().firstName())),
                    orElse(overseas.lastName(), first.map(p -> p.overseas().lastName())), overseas.serviceDefine(),
                    overseas.resultUrl());
            payer = new Payer(null, overseas.fullName(), null,
                    orElse(payer.email(), first.map(p -> p.payer().email())));
        }
        for (int attempt = 0;; attempt++) {
            PaymentId id = PaymentId.of(request.api().newId());
            Payment payment = new Payment(id, request.partnerId(), request.api(), orderId, PaymentStatus.PENDING,
                    request.amount(),
                    new Payment.Drawn(request.instrument(), request.billingKeyId(), maskedNumber, institutionCode,
                            institutionName, request.appCard()),
                    new Payment.Basket(request.goods(), new Money(vat, request.amount().currency()), request.taxable(),
                            payer, request.userDefine1(), request.userDefine2(), request.cashReceipt(),
                            request.cashReceiptUse()),
                    request.billingPeriod(), Payment.Network.asked(KoreanTime.seconds(now) + Tokens.digits(10)), now,
                    overseas, null);
            if (payments.insertPending(payment, now.plus(stuckAfter))) {
                return new Pending(payment, key);
            }
            if (payments.orderIdTaken(request.partnerId(), request.api(), orderId)) {
                throw new ChargeRejected(ChargeRejected.Reason.DUPLICATE_ORDER_ID);
            }
            if (request.billingPeriod() != null
                    && payments.monthTaken(request.billingKeyId(), request.billingPeriod())) {
                throw new ChargeRejected(ChargeRejected.Reason.ALREADY_CHARGED_THIS_MONTH);
            }
            // Neither: the random id or trade number collided. Try another; more than a
            // few is a bug.
            if (attempt == 3) {
                throw new IllegalStateException("Could not write payment row for order " + orderId);
            }
        }
    }

    private static String orElse(String given, Optional<String> fallback) {
        return given != null && !given.isBlank() ? given : fallback.orElse(null);
    }

    /**
     * Share-locks the billing key until the payment row is written, so a revoke waits.
     */
    private ChargeableKey lockKey(ChargeRequest request) {
        try {
            return vault.lockForCharge(request.partnerId(), request.billingKeyId(), request.instrument());
        }
        catch (RegistrationRejected e) {
            throw new ChargeRejected(switch (e.reason()) {
                case KEY_REVOKED -> ChargeRejected.Reason.BILLING_KEY_REVOKED;
                case KEY_OF_OTHER_TYPE -> ChargeRejected.Reason.BILLING_KEY_OF_OTHER_TYPE;
                default -> ChargeRejected.Reason.BILLING_KEY_NOT_FOUND;
            });
        }
    }

    private Outcome callNetwork(Pending pending, ChargeMethod method) {
        Payment payment = pending.payment();
        String reference = payment.networkReference();
        try {
            // Whose charge it is, for the simulator's faults a test armed; a real network
            // is told nothing more.
            return new NetworkCall(payment.partnerId(), payment.billingKeyId()).run(() -> switch (method) {
                case ChargeMethod.BillingKeyCard card ->
                    acquirer.approve(reference, pending.key().card(), payment.amount());
                case ChargeMethod.BillingKeyAccount account ->
                    acquirer.withdraw(reference, pending.key().account(), payment.amount());
                case ChargeMethod.AppCard app -> acquirer.approveInApp(reference, app.card().token(),
                        app.card().installmentMonths(), payment.amount());
                case ChargeMethod.OverseasCard card ->
                    acquirer.approveForeign(reference, pending.key().card(), card.securityCode(), payment.amount());
                case ChargeMethod.OverseasRecurring recurring ->
                    acquirer.approveForeignRecurring(reference, pending.key().card(), payment.amount());
            });
        }
        catch (RuntimeException e) {
            // Whatever went wrong, the request may have reached the network: admit we do
            // not know.
            log.warn("Network call for payment {} failed: {}", payment.id(), e.getClass().getSimpleName());
            return new Outcome.Unknown("network call failed");
        }
    }

    private static long vat(ChargeRequest request) {
        return ChargeRules.vat(request.taxable(), request.vat(), request.amount());
    }

    /**
     * A new order id for a charge of {@code api} whose partner gave none, e.g. for the
     * window to report it from its first result (a CERT result) on.
     */
    public OrderId newOrderId(PaymentApi api) {
        return api.newOrderId(this.clock.instant());
    }

    /** A partner's domestic payment by its order id. */
    public Optional<Payment> find(PartnerId partnerId, OrderId orderId) {
        return payments.findByOrderId(partnerId, PaymentApi.PAYPLE, orderId).map(cashReceipts::withReceipt);
    }

    /** A partner's payment through {@code api} by its order id. */
    public Optional<Payment> find(PartnerId partnerId, PaymentApi api, OrderId orderId) {
        return payments.findByOrderId(partnerId, api, orderId).map(cashReceipts::withReceipt);
    }

    /** A page of a partner's payments matching a console search, newest first. */
    public List<Payment> search(PartnerId partnerId, PaymentSearch search, int limit, int offset) {
        return payments.search(partnerId, search, limit, offset);
    }

    /** A partner's payments per Korean day of {@code [from, to)}. */
    public List<PeriodTotals> dailyTotals(PartnerId partnerId, Instant from, Instant to) {
        return payments.totals(partnerId, from, to, "day");
    }

    /** A partner's payments per hour of {@code [from, to)}. */
    public List<PeriodTotals> hourlyTotals(PartnerId partnerId, Instant from, Instant to) {
        return payments.totals(partnerId, from, to, "hour");
    }

    /**
     * Decline reasons of a partner's payments in {@code [from, to)}, most frequent first.
     */
    public List<Map.Entry<String, Long>> declineReasons(PartnerId partnerId, Instant from, Instant to) {
        return payments.declineReasons(partnerId, from, to);
    }

    /** A payment by its id, whatever its partner. */
    public Optional<Payment> findById(PaymentId id) {
        return payments.find(id).map(cashReceipts::withReceipt);
    }

    /** A payment by the trade number printed on its receipt. */
    public Optional<Payment> findByTradeNumber(String tradeNumber) {
        return payments.findByNetworkReference(tradeNumber).map(cashReceipts::withReceipt);
    }

    /**
     * Reads and row-locks a partner's payment for the rest of the caller's transaction,
     * so that refunds of one payment run one at a time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Payment> lockForRefund(PartnerId partnerId, OrderId orderId) {
        return payments.lockByOrderId(partnerId, PaymentApi.PAYPLE, orderId);
    }

    /**
     * As {@link #lockForRefund(PartnerId, OrderId)}, for a payment of any API by its id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Payment> lockForRefundById(PartnerId partnerId, PaymentId id) {
        return payments.lock(id).filter(found -> found.partnerId().equals(partnerId));
    }

    /** As {@link #lockForRefund(PartnerId, OrderId)}, for a payment of {@code api}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Payment> lockForRefund(PartnerId partnerId, PaymentApi api, OrderId orderId) {
        return payments.lockByOrderId(partnerId, api, orderId);
    }

}
