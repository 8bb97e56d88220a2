package kr.gyeol.subscription;

import kr.gyeol.shared.SubscriptionId;
import kr.gyeol.shared.InvoiceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;

import kr.gyeol.network.DeclineReason;
import kr.gyeol.payment.ChargeRejected;
import kr.gyeol.payment.ChargeMethod;
import kr.gyeol.payment.ChargeRequest;
import kr.gyeol.payment.Overseas;
import kr.gyeol.payment.ChargeRules;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.shared.ClaimedWork;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.subscription.jdbc.ClockRepository;
import kr.gyeol.subscription.jdbc.InvoiceRepository;
import kr.gyeol.subscription.jdbc.PlanRepository;
import kr.gyeol.subscription.jdbc.SubscriptionRepository;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.Vault;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal job, on every node: claims subscriptions whose next action is due (with
 * {@code FOR UPDATE SKIP LOCKED}, leased) and takes one step for each: tell a trial's
 * ending, renew into the next period, charge or retry its invoice, end it. A charge goes
 * through the one payment engine under a deterministic order id per subscription, period
 * and attempt, with monthly duplicate prevention for monthly plans, so a rerun of an
 * attempt (another node, a restart, a node killed mid-charge) meets the order id already
 * taken and reads that payment's outcome instead of charging again; an attempt whose
 * outcome is unknown waits for the reconciler, and no later attempt is made until it is
 * settled.
 */
@Component
public class Renewals {

    private static final Logger log = LoggerFactory.getLogger(Renewals.class);

    private final SubscriptionRepository subscriptions;

    private final InvoiceRepository invoices;

    private final PlanRepository plans;

    private final ClockRepository clocks;

    private final SubscriptionHistory history;

    private final PaymentService payments;

    private final Vault vault;

    private final Clock clock;

    private final TransactionTemplate transaction;

    private final DunningPolicy defaultDunning;

    private final Duration lease;

    private final Duration unknownRecheck;

    private final ExecutorService workers;

    private final int batch;

    Renewals(SubscriptionRepository subscriptions, InvoiceRepository invoices, PlanRepository plans,
            ClockRepository clocks, SubscriptionHistory history, PaymentService payments, Vault vault, Clock clock,
            PlatformTransactionManager transactionManager, SubscriptionProperties properties) {
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.plans = plans;
        this.clocks = clocks;
        this.history = history;
        this.payments = payments;
        this.vault = vault;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.defaultDunning = new DunningPolicy(properties.retryDays(), properties.afterRetries());
        this.lease = properties.lease();
        this.unknownRecheck = properties.unknownRecheck();
        int threads = Math.max(1, properties.concurrency());
        this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("gyeol-renewal-", 1).factory());
        this.batch = threads * 8;
    }

    @Scheduled(fixedDelayString = "${gyeol.subscriptions.interval:10s}",
            initialDelayString = "${gyeol.subscriptions.interval:10s}")
    void run() {
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (runDue(null) > 0 && System.nanoTime() < deadline) {
                // A backlog larger than one round's budget is worked off before the
                // pause.
            }
        }
        catch (RuntimeException e) {
            log.error("The renewal round failed; the next round tries again: {}",
                    e instanceof DataAccessException ? e.getClass().getSimpleName() : e.toString());
        }
    }

    /** The dunning of a partner: its settings, else the gateway's defaults. */
    public DunningPolicy dunning(kr.gyeol.shared.PartnerId partnerId) {
        return this.plans.dunning(partnerId).orElse(this.defaultDunning);
    }

    /**
     * Takes every step that is due now (of one test clock's subscriptions, or of all when
     * {@code clockId} is null) until none is left that this node can claim; returns how
     * many steps it took.
     */
    public int runDue(String clockId) {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + ClaimedWork.ROUND_BUDGET.toNanos();
        int steps = 0;
        while (true) {
            // A step can make the next one due at once (a period paid late, a trial
            // ended long ago): claim again until a claim finds nothing.
            Instant now = this.clock.instant();
            List<SubscriptionId> due = this.subscriptions.claimDue(now, now.plus(this.lease), token, this.batch,
                    clockId);
            if (due.isEmpty()) {
                return steps;
            }
            steps += stepAll(due, token);
            if (System.nanoTime() > deadline) {
                return steps;
            }
        }
    }

    /**
     * Takes the claimed steps, {@code gyeol.subscriptions.concurrency} at a time; each
     * subscription is claimed once, so no two of them touch the same one.
     */
    private int stepAll(List<SubscriptionId> due, String token) {
        List<Future<Boolean>> steps = new ArrayList<>(due.size());
        for (SubscriptionId id : due) {
            steps.add(this.workers.submit(() -> stepClaimed(id, token)));
        }
        int taken = 0;
        for (Future<Boolean> step : steps) {
            try {
                if (step.get()) {
                    taken++;
                }
            }
            catch (ExecutionException e) {
                log.error("Renewal step failed: {}", e.getCause().getClass().getSimpleName());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return taken;
            }
        }
        return taken;
    }

    @PreDestroy
    void stopWorkers() {
        this.workers.shutdown();
    }

    /**
     * Takes the step due for one subscription now, if no node holds it; true if it took
     * one.
     */
    boolean runOne(SubscriptionId id) {
        String token = UUID.randomUUID().toString();
        Instant now = this.clock.instant();
        return this.subscriptions.claim(id, now, now.plus(this.lease), token) && stepClaimed(id, token);
    }

    private boolean stepClaimed(SubscriptionId id, String token) {
        try {
            boolean release = step(id, token);
            if (release) {
                this.subscriptions.release(id, token);
            }
            return true;
        }
        catch (RuntimeException e) {
            // The lease runs out and another round (here or on another node) resumes
            // from what was recorded: an attempt written CHARGING is rerun under its own
            // order id, never as a new charge.
            // A database error's message can quote row values; its type is enough here.
            log.error("Renewal step of subscription {} failed; it is resumed when its lease ends: {}", id,
                    e instanceof DataAccessException ? e.getClass().getSimpleName() : e.toString());
            return false;
        }
    }

    /**
     * Takes one step; false when the claim must be kept (a payment's outcome is unknown).
     */
    private boolean step(SubscriptionId id, String token) {
        Subscription s = this.subscriptions.find(id).orElseThrow();
        if (s.nextActionAt() == null) {
            return true;
        }
        Instant at = s.clockId() != null ? s.nextActionAt() : this.clock.instant();
        Plan plan = this.plans.find(s.planId()).orElseThrow();
        Optional<Invoice> open = this.invoices.open(id);
        if (open.isPresent()) {
            return collect(s, plan, open.get(), token, at);
        }
        if (s.status() != SubscriptionStatus.TRIALING && s.status() != SubscriptionStatus.ACTIVE) {
            // A PAST_DUE subscription always has its open invoice (the other states
            // schedule nothing). Should one ever not, it is parked, not spun on, and
            // logged once a lease for an operator.
            log.error("Subscription {} is {} with no open invoice; parked until its lease ends", id, s.status());
            this.subscriptions.holdUntil(id, token, this.clock.instant().plus(this.lease));
            return false;
        }
        if (s.status() == SubscriptionStatus.TRIALING && !s.trialEndingSent() && at.isBefore(s.periodEnd())) {
            Subscription told = s.trialEndingTold(s.periodEnd());
            inTransaction(() -> {
                requireLease(this.subscriptions.update(told, token), id);
                this.history.record(EventType.SUBSCRIPTION_TRIAL_ENDING, told, at, null, null);
            });
            return true;
        }
        if (at.isBefore(s.periodEnd())) {
            this.subscriptions.update(s.nextAt(s.periodEnd()), token);
            return true;
        }
        if (s.cancelAtPeriodEnd()) {
            Subscription canceled = s.canceled(s.periodEnd());
            inTransaction(() -> {
                requireLease(this.subscriptions.update(canceled, token), id);
                this.history.record(EventType.SUBSCRIPTION_CANCELED, canceled, at, null, null);
            });
            log.info("Subscription {} of partner {} canceled at its period's end", id, s.partnerId());
            return true;
        }
        return renew(s, plan, token, at);
    }

    /**
     * Moves into the next period and opens its invoice; charges it unless nothing is
     * owed.
     */
    private boolean renew(Subscription s, Plan plan, String token, Instant at) {
        int n = s.periodNumber() + 1;
        Instant start = s.startOf(n, plan.interval());
        Instant end = s.startOf(n + 1, plan.interval());
        long total = Math.addExact(plan.amount().amount(), s.balance());
        BillingKey key = this.vault.findById(s.billingKeyId()).orElseThrow();
        // What cannot be charged (a credit, or less than the network's minimum) is
        // carried.
        boolean chargeable = total > 0 && !ChargeRules.belowMinimum(api(plan.amount()), key.type(),
                new Money(total, plan.amount().currency()));
        long charged = chargeable ? total : 0;
        Subscription renewed = s.inPeriod(n, start, end, chargeable ? 0 : total).nextAt(at);
        Invoice invoice = new Invoice(InvoiceId.of("inv_" + Tokens.urlSafe(16)), s.id(), n, start, end,
                new Money(charged, plan.amount().currency()), chargeable ? Invoice.Status.OPEN : Invoice.Status.PAID, 0,
                null, null, at, chargeable ? null : at, List.of());
        inTransaction(() -> {
            requireLease(this.subscriptions.update(renewed, token), s.id());
            if (!this.invoices.insert(invoice, s.partnerId().value())) {
                throw new IllegalStateException("Period " + n + " of subscription " + s.id() + " is already invoiced");
            }
            if (!chargeable) {
                Subscription paid = renewed.with(SubscriptionStatus.ACTIVE, end);
                this.subscriptions.update(paid, token);
                this.history.record(EventType.SUBSCRIPTION_RENEWED, paid, at, invoice, null);
            }
        });
        if (!chargeable) {
            return true;
        }
        return collect(renewed, plan, invoice, token, at);
    }

    /**
     * Charges an open invoice: resumes its last attempt if that was never settled, else
     * makes the next one when its retry is due.
     */
    private boolean collect(Subscription s, Plan plan, Invoice invoice, String token, Instant at) {
        Optional<Invoice.Attempt> last = this.invoices.lastAttempt(invoice.id());
        Invoice.Attempt attempt;
        boolean resumed = last.isPresent() && (last.get().status() == Invoice.AttemptStatus.CHARGING
                || last.get().status() == Invoice.AttemptStatus.UNKNOWN);
        if (resumed) {
            attempt = last.get();
        }
        else {
            if (invoice.nextRetryAt() != null && at.isBefore(invoice.nextRetryAt())) {
                this.subscriptions.update(s.nextAt(invoice.nextRetryAt()), token);
                return true;
            }
            int number = invoice.attempts() + 1;
            attempt = new Invoice.Attempt(number, orderId(s, invoice, number), null, Invoice.AttemptStatus.CHARGING,
                    null, false, at, null);
            if (!this.invoices.insertAttempt(invoice.id(), attempt)) {
                throw new IllegalStateException(
                        "Attempt " + number + " of invoice " + invoice.id() + " was written by another claim");
            }
        }
        Charged charged = charge(s, plan, invoice, attempt, resumed);
        return settle(s, invoice, attempt, charged, token, at);
    }

    /**
     * {@code sub_…-P3-A2}: the same for every rerun of one attempt, unique across
     * attempts.
     */
    static String orderId(Subscription s, Invoice invoice, int attempt) {
        return s.id() + "-P" + invoice.periodNumber() + "-A" + attempt;
    }

    private record Charged(Invoice.AttemptStatus status, String paymentId, String reason, boolean hard) {
    }

    private Charged charge(Subscription s, Plan plan, Invoice invoice, Invoice.Attempt attempt, boolean resumed) {
        OrderId orderId = OrderId.of(attempt.orderId());
        PaymentApi api = api(invoice.amount());
        if (resumed) {
            // An unknown outcome is the reconciler's to settle; a payment a node wrote
            // before it died is read, not charged again.
            Optional<Payment> earlier = this.payments.find(s.partnerId(), api, orderId);
            if (earlier.isPresent()) {
                return outcome(earlier.get());
            }
        }
        BillingKey key = this.vault.findById(s.billingKeyId()).orElseThrow();
        try {
            if (api == PaymentApi.GPAY) {
                // A foreign card renews through the overseas API, merchant-initiated;
                // names default to the key's first payment's.
                return outcome(this.payments.charge(ChargeRequest.overseas(s.partnerId(),
                        new ChargeMethod.OverseasRecurring(s.billingKeyId(), new Overseas(null, null, null, null)),
                        orderId, invoice.amount(), s.goods(), key.payer().email())));
            }
            return outcome(this.payments.charge(ChargeRequest.ofBillingKey(s.partnerId(), s.billingKeyId(), key.type(),
                    orderId, invoice.amount().amount(), null, true, s.goods(), key.payer(), s.id().value(),
                    "period " + invoice.periodNumber(),
                    plan.monthly() ? BillingCalendar.chargedMonth(invoice.periodStart()) : null, false, null, null)));
        }
        catch (ChargeRejected e) {
            if (e.reason() == ChargeRejected.Reason.DUPLICATE_ORDER_ID) {
                return outcome(this.payments.find(s.partnerId(), api, orderId).orElseThrow());
            }
            return new Charged(Invoice.AttemptStatus.REFUSED, null, e.reason().name(), true);
        }
    }

    /**
     * Won is charged through the domestic API; any other currency through the overseas
     * one.
     */
    static PaymentApi api(Money amount) {
        return Money.KRW.equals(amount.currency()) ? PaymentApi.PAYPLE : PaymentApi.GPAY;
    }

    private static Charged outcome(Payment payment) {
        return switch (payment.status()) {
            case APPROVED -> new Charged(Invoice.AttemptStatus.APPROVED, payment.id().value(), null, false);
            case DECLINED -> {
                DeclineReason reason = payment.decline() == null ? DeclineReason.GENERIC : payment.decline().reason();
                yield new Charged(Invoice.AttemptStatus.DECLINED, payment.id().value(), reason.name(),
                        DunningPolicy.hard(reason));
            }
            case PENDING, UNKNOWN -> new Charged(Invoice.AttemptStatus.UNKNOWN, payment.id().value(), null, false);
        };
    }

    private boolean settle(Subscription s, Invoice invoice, Invoice.Attempt attempt, Charged charged, String token,
            Instant at) {
        Invoice.Attempt settled = new Invoice.Attempt(attempt.number(), attempt.orderId(), charged.paymentId(),
                charged.status(), charged.reason(), charged.hard(), attempt.attemptedAt(), at);
        if (charged.status() == Invoice.AttemptStatus.UNKNOWN) {
            inTransaction(() -> this.invoices.settleAttempt(invoice.id(), attempt.number(),
                    Invoice.AttemptStatus.UNKNOWN, charged.paymentId(), null, false, null));
            this.subscriptions.holdUntil(s.id(), token, this.clock.instant().plus(this.unknownRecheck));
            log.info("Renewal of subscription {} (order {}) waits for the reconciler", s.id(), attempt.orderId());
            return false;
        }
        if (charged.status() == Invoice.AttemptStatus.APPROVED) {
            Invoice paid = new Invoice(invoice.id(), invoice.subscriptionId(), invoice.periodNumber(),
                    invoice.periodStart(), invoice.periodEnd(), invoice.amount(), Invoice.Status.PAID, attempt.number(),
                    invoice.firstFailedAt(), null, invoice.createdAt(), at, List.of());
            Subscription active = s.with(SubscriptionStatus.ACTIVE, s.periodEnd());
            inTransaction(() -> {
                if (!this.invoices.settleAttempt(invoice.id(), attempt.number(), settled.status(), settled.paymentId(),
                        null, false, at)) {
                    throw new IllegalStateException("Attempt " + attempt.orderId() + " was settled by another claim");
                }
                this.invoices.update(invoice.id(), Subscriptions.transition(invoice, Invoice.Status.PAID),
                        attempt.number(), invoice.firstFailedAt(), null, at);
                requireLease(this.subscriptions.update(active, token), s.id());
                this.history.record(EventType.SUBSCRIPTION_RENEWED, active, at, paid, settled);
            });
            log.info("Subscription {} of partner {}: period {} paid ({}, order {})", s.id(), s.partnerId(),
                    invoice.periodNumber(), invoice.amount(), attempt.orderId());
            return true;
        }
        DunningPolicy policy = dunning(s.partnerId());
        Instant firstFailedAt = invoice.firstFailedAt() != null ? invoice.firstFailedAt() : at;
        Integer retryDay = charged.hard() ? null : policy.retryDay(attempt.number());
        Instant nextRetryAt = retryDay == null ? null : BillingCalendar.daysAfter(firstFailedAt, retryDay);
        boolean retry = nextRetryAt != null;
        Invoice failed = new Invoice(invoice.id(), invoice.subscriptionId(), invoice.periodNumber(),
                invoice.periodStart(), invoice.periodEnd(), invoice.amount(),
                retry ? Invoice.Status.OPEN : Invoice.Status.UNCOLLECTIBLE, attempt.number(), firstFailedAt,
                nextRetryAt, invoice.createdAt(), null, List.of());
        SubscriptionStatus target = retry ? SubscriptionStatus.PAST_DUE : policy.afterRetries();
        Subscription after = target == SubscriptionStatus.CANCELED ? s.canceled(at) : s.with(target, nextRetryAt);
        inTransaction(() -> {
            if (!this.invoices.settleAttempt(invoice.id(), attempt.number(), settled.status(), settled.paymentId(),
                    settled.declineReason(), settled.hard(), at)) {
                throw new IllegalStateException("Attempt " + attempt.orderId() + " was settled by another claim");
            }
            this.invoices.update(invoice.id(), Subscriptions.transition(invoice, failed.status()), attempt.number(),
                    firstFailedAt, nextRetryAt, null);
            requireLease(this.subscriptions.update(after, token), s.id());
            this.history.record(EventType.SUBSCRIPTION_CHARGE_FAILED, after, at, failed, settled);
            if (target != s.status()) {
                this.history.record(switch (target) {
                    case PAST_DUE -> EventType.SUBSCRIPTION_PAST_DUE;
                    case UNPAID -> EventType.SUBSCRIPTION_UNPAID;
                    default -> EventType.SUBSCRIPTION_CANCELED;
                }, after, at, failed, settled);
            }
        });
        log.info("Subscription {} of partner {}: attempt {} of period {} failed ({}{}); {}", s.id(), s.partnerId(),
                attempt.number(), invoice.periodNumber(), charged.reason(), charged.hard() ? ", final" : "",
                retry ? "retried at " + nextRetryAt : "now " + target);
        return true;
    }

    private void inTransaction(Runnable work) {
        this.transaction.executeWithoutResult((status) -> work.run());
    }

    private static void requireLease(boolean held, SubscriptionId id) {
        if (!held) {
            throw new IllegalStateException("The claim on subscription " + id + " was lost");
        }
    }

}
