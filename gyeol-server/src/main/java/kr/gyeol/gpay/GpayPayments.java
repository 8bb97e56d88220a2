package kr.gyeol.gpay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import kr.gyeol.gpay.jdbc.GpayRepository;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.Outcome;
import kr.gyeol.shared.ClaimedWork;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.Tokens;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.ChargeableKey;
import kr.gyeol.vault.InstrumentType;
import kr.gyeol.vault.Payer;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Overseas card payments: the window's first payment, which registers the card as a
 * billing key, and later charges of that key. Like domestic charges, the row is written
 * before the network is called, and a timeout leaves it {@code UNKNOWN}.
 */
@Service
public class GpayPayments {

    private static final Logger log = LoggerFactory.getLogger(GpayPayments.class);

    private final GpayRepository payments;

    private final Vault vault;

    private final Acquirer acquirer;

    private final Clock clock;

    private final TransactionTemplate transaction;

    private final Outbox outbox;

    private final Duration unknownDelay;

    private final Duration stuckAfter;

    GpayPayments(GpayRepository payments, Vault vault, Acquirer acquirer, Clock clock, Outbox outbox,
            PlatformTransactionManager transactionManager,
            @Value("${gyeol.reconciler.delay:30s}") Duration unknownDelay,
            @Value("${gyeol.reconciler.stuck-after:5m}") Duration stuckAfter) {
        this.outbox = outbox;
        this.unknownDelay = unknownDelay;
        this.stuckAfter = stuckAfter;
        this.payments = payments;
        this.vault = vault;
        this.acquirer = acquirer;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * The window's payment: registers the card, then charges it.
     * @throws RegistrationRejected when the card number or expiry is invalid
     * @throws GpayRefused {@code A0202} when the order id is taken
     */
    public GpayPayment payByWindow(GpayOrder order, String cardNumber, String expiryYear, String expiryMonth,
            String securityCode) {
        BillingKey key = this.vault.registerForeignCard(order.partnerId(), cardNumber, expiryYear, expiryMonth,
                new Payer(null, name(order), null, order.email()));
        return charge(order, key.id(), securityCode);
    }

    /**
     * Charges a billing key the window registered.
     * @throws GpayRefused {@code A0203} for an unknown or revoked key, {@code A0202} for
     * a taken order id
     */
    public GpayPayment charge(GpayOrder order, String billingKeyId, String securityCode) {
        Instant now = this.clock.instant();
        String orderId = order.serviceOid() != null ? order.serviceOid()
                : "gpay" + KoreanTime.seconds(now) + Tokens.digits(8);
        Pending pending = this.transaction.execute((status) -> {
            ChargeableKey locked;
            try {
                locked = this.vault.lockForCharge(order.partnerId(), billingKeyId, InstrumentType.CARD);
            }
            catch (RegistrationRejected ex) {
                throw new GpayRefused("A0203");
            }
            // Names and e-mail default to the first payment's (spec §5.3).
            Optional<GpayPayment> first = this.payments.firstOf(billingKeyId);
            GpayPayment payment = new GpayPayment(Tokens.digits(22), order.partnerId(), orderId, billingKeyId,
                    "PENDING", order.currency(), order.amount(), order.comments(),
                    orElse(order.firstName(), first.map(GpayPayment::firstName)),
                    orElse(order.lastName(), first.map(GpayPayment::lastName)),
                    orElse(order.email(), first.map(GpayPayment::email)), locked.key().maskedNumber(),
                    order.serviceDefine(), order.resultUrl(), KoreanTime.seconds(now) + Tokens.digits(10), null, null,
                    now, null);
            if (!this.payments.insertPending(payment, now.plus(this.stuckAfter))) {
                throw new GpayRefused("A0202");
            }
            return new Pending(payment, locked);
        });
        GpayPayment payment = pending.payment();
        Outcome outcome;
        try {
            outcome = this.acquirer.approveForeign(payment.networkReference(), pending.key().card(), securityCode,
                    payment.amount(), payment.currency());
        }
        catch (RuntimeException ex) {
            outcome = new Outcome.Unknown("network call failed");
        }
        try {
            record(payment, "PENDING", outcome);
            return this.payments.find(payment.id()).orElseThrow();
        }
        catch (RuntimeException ex) {
            // The network was asked: an answer that is not recorded is unknown (A0303),
            // and the PENDING row waits for the reconciler.
            log.error("Could not record the network's answer for overseas payment {}; its outcome is unknown until"
                    + " the reconciler settles it: {}", payment.id(), ex.getClass().getSimpleName());
            return unknown(payment);
        }
    }

    private static GpayPayment unknown(GpayPayment payment) {
        return new GpayPayment(payment.id(), payment.partnerId(), payment.serviceOid(), payment.billingKeyId(),
                "UNKNOWN", payment.currency(), payment.amount(), payment.comments(), payment.firstName(),
                payment.lastName(), payment.email(), payment.maskedNumber(), payment.serviceDefine(),
                payment.resultUrl(), payment.networkReference(), null, null, payment.requestedAt(), null);
    }

    /** A written PENDING payment and its key, revealed for the network call. */
    private record Pending(GpayPayment payment, ChargeableKey key) {
    }

    /**
     * Records the network's answer for a payment that was {@code from}, with its webhook
     * event in the same transaction; an unknown answer waits for the reconciler.
     * @return whether this call settled it
     */
    private boolean record(GpayPayment payment, String from, Outcome outcome) {
        Instant at = this.clock.instant();
        return Boolean.TRUE.equals(this.transaction.execute((status) -> {
            boolean changed = switch (outcome) {
                case Outcome.Approved approved ->
                    this.payments.settle(payment.id(), from, "APPROVED", null, null, at, null);
                case Outcome.Declined declined -> this.payments.settle(payment.id(), from, "DECLINED",
                        declined.institutionCode(), declined.institutionMessage(), at, null);
                case Outcome.Unknown unknown ->
                    this.payments.settle(payment.id(), from, "UNKNOWN", null, null, at, at.plus(this.unknownDelay));
            };
            if (changed && !(outcome instanceof Outcome.Unknown)) {
                this.outbox.record(payment.partnerId(), EventType.GPAY_PAYMENT, payment.id());
            }
            return changed && !(outcome instanceof Outcome.Unknown);
        }));
    }

    /**
     * Settles every overseas payment whose outcome is unknown (or whose node died before
     * recording it) by asking the network; any node may run it.
     * @return how many were settled
     */
    public int reconcileDue() {
        return ClaimedWork.drain(20, (size) -> {
            Instant now = this.clock.instant();
            return this.payments.claimDue(now, now.plus(this.unknownDelay), size);
        }, (payment) -> {
            if ("PENDING".equals(payment.status()) && !this.payments.settle(payment.id(), "PENDING", "UNKNOWN", null,
                    null, null, this.clock.instant().plus(this.unknownDelay))) {
                return false;
            }
            Outcome outcome;
            try {
                ChargeableKey key = this.vault.reveal(payment.billingKeyId());
                outcome = this.acquirer.inquire(payment.networkReference(), key.card(), null, payment.amount());
            }
            catch (RuntimeException ex) {
                outcome = new Outcome.Unknown("inquiry failed");
            }
            return record(payment, "UNKNOWN", outcome);
        });
    }

    /**
     * Cancels all or part of an approved payment, in its currency, never above what
     * remains: the balance is counted under the payment's row lock, so parallel cancels
     * queue.
     * @throws GpayRefused {@code A0204} for no such approved payment, {@code A0205} for
     * another currency, {@code A0206} for more than remains
     */
    public GpayCancel cancel(String partnerId, String payId, String serviceOid, long amount, String currency,
            String comments) {
        Instant now = this.clock.instant();
        String id = Tokens.digits(22);
        String reference = KoreanTime.seconds(now) + Tokens.digits(10);
        GpayPayment payment = this.transaction.execute((status) -> {
            GpayPayment locked = this.payments.lock(partnerId, payId, serviceOid)
                .filter(GpayPayment::approved)
                .orElseThrow(() -> new GpayRefused("A0204"));
            if (!locked.currency().equals(currency)) {
                throw new GpayRefused("A0205");
            }
            if (amount > locked.amount() - this.payments.cancelled(locked.id())) {
                throw new GpayRefused("A0206");
            }
            this.payments.insertCancel(id, locked.id(), amount, comments, reference, now, now.plus(this.stuckAfter));
            return locked;
        });
        Outcome outcome;
        try {
            outcome = this.acquirer.cancel(payment.networkReference(), reference, amount);
        }
        catch (RuntimeException ex) {
            outcome = new Outcome.Unknown("network call failed");
        }
        String settled;
        try {
            settled = recordCancel(id, partnerId, "PENDING", outcome);
        }
        catch (RuntimeException ex) {
            log.error("Could not record the network's answer for overseas cancel {}; its outcome is unknown until"
                    + " the reconciler settles it: {}", id, ex.getClass().getSimpleName());
            settled = "UNKNOWN";
        }
        return new GpayCancel(id, payment, settled, amount, now,
                "UNKNOWN".equals(settled) ? null : this.clock.instant());
    }

    /**
     * Records the network's answer for a cancel that was {@code from}, with its webhook
     * event in the same transaction; an unknown answer waits for the reconciler.
     * @return the cancel's new status
     */
    private String recordCancel(String id, String partnerId, String from, Outcome outcome) {
        String settled = switch (outcome) {
            case Outcome.Approved approved -> "APPROVED";
            case Outcome.Declined declined -> "DECLINED";
            case Outcome.Unknown unknown -> "UNKNOWN";
        };
        Instant at = this.clock.instant();
        this.transaction.executeWithoutResult((status) -> {
            if (this.payments.settleCancel(id, from, settled, at,
                    "UNKNOWN".equals(settled) ? at.plus(this.unknownDelay) : null) && "APPROVED".equals(settled)) {
                this.outbox.record(partnerId, EventType.GPAY_CANCEL, id);
            }
        });
        return settled;
    }

    /**
     * Settles every overseas cancel whose outcome is unknown by asking the network; any
     * node may run it.
     * @return how many were settled
     */
    public int reconcileDueCancels() {
        return ClaimedWork.drain(20, (size) -> {
            Instant now = this.clock.instant();
            return this.payments.claimDueCancels(now, now.plus(this.unknownDelay), size);
        }, (id) -> {
            GpayCancel cancel = this.payments.findCancel(id).orElseThrow();
            if ("PENDING".equals(cancel.status()) && !this.payments.settleCancel(id, "PENDING", "UNKNOWN", null,
                    this.clock.instant().plus(this.unknownDelay))) {
                return false;
            }
            String reference = this.payments.cancelReference(id);
            Outcome outcome;
            try {
                outcome = this.acquirer.inquireCancel(cancel.payment().networkReference(), reference, cancel.amount());
            }
            catch (RuntimeException ex) {
                outcome = new Outcome.Unknown("inquiry failed");
            }
            return !"UNKNOWN".equals(recordCancel(id, cancel.payment().partnerId(), "UNKNOWN", outcome));
        });
    }

    /** A payment by its {@code api_id}, whatever its partner. */
    public Optional<GpayPayment> find(String id) {
        return this.payments.find(id);
    }

    /** A cancel by its {@code api_id}. */
    public Optional<GpayCancel> findCancel(String id) {
        return this.payments.findCancel(id);
    }

    /** A partner's payment by {@code pay_id}, else by {@code service_oid}. */
    public Optional<GpayPayment> find(String partnerId, String payId, String serviceOid) {
        return this.payments.find(partnerId, payId, serviceOid);
    }

    private static String orElse(String given, Optional<String> fallback) {
        return given != null && !given.isBlank() ? given : fallback.orElse(null);
    }

    private static String name(GpayOrder order) {
        String name = ((order.firstName() == null ? "" : order.firstName()) + " "
                + (order.lastName() == null ? "" : order.lastName()))
            .trim();
        return name.isEmpty() ? null : name;
    }

}
