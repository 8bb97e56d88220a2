package kr.gyeol.subscription;

import kr.gyeol.shared.SubscriptionId;
import kr.gyeol.shared.PlanId;
import kr.gyeol.shared.InvoiceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.subscription.jdbc.ClockRepository;
import kr.gyeol.subscription.jdbc.InvoiceRepository;
import kr.gyeol.subscription.jdbc.SubscriptionRepository;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.BillingKeyStatus;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner's subscriptions: created on a billing key and a plan, canceled now or at the
 * period's end, paused and resumed, moved to another plan (prorated by days) or another
 * billing key. Each change locks the subscription and is refused while the renewal job
 * holds it, so a partner's change and a renewal never interleave.
 */
@Service
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final SubscriptionRepository subscriptions;

    private final InvoiceRepository invoices;

    private final ClockRepository clocks;

    private final Plans plans;

    private final TestClocks testClocks;

    private final Renewals renewals;

    private final SubscriptionHistory history;

    private final Vault vault;

    private final Clock clock;

    private final TransactionTemplate transaction;

    private final Duration trialEndingNotice;

    Subscriptions(SubscriptionRepository subscriptions, InvoiceRepository invoices, ClockRepository clocks, Plans plans,
            TestClocks testClocks, Renewals renewals, SubscriptionHistory history, Vault vault, Clock clock,
            PlatformTransactionManager transactionManager, SubscriptionProperties properties) {
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.clocks = clocks;
        this.plans = plans;
        this.testClocks = testClocks;
        this.renewals = renewals;
        this.history = history;
        this.vault = vault;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.trialEndingNotice = properties.trialEndingNotice();
    }

    /** What a partner asks a new subscription to be. */
    public record NewSubscription(String planId, String billingKey, String goods, String testClock) {
    }

    /**
     * Creates a subscription. Without a trial its first period is charged before this
     * returns (ACTIVE when approved, PAST_DUE with dunning when not); with one, it is
     * TRIALING until the trial ends.
     */
    public Subscription create(PartnerId partnerId, NewSubscription request) {
        if (request.planId() == null || request.billingKey() == null) {
            throw SubscriptionRefused.invalid("invalid-subscription", "planId and billingKey are required.");
        }
        if (request.goods() != null && request.goods().length() > 100) {
            throw SubscriptionRefused.invalid("invalid-subscription", "goods is at most 100 characters.");
        }
        Plan plan = this.plans.find(partnerId, Plans.idOf(request.planId()));
        BillingKey key = chargeableKey(partnerId, request.billingKey(), plan);
        TestClock testClock = request.testClock() == null ? null
                : this.testClocks.attachable(partnerId, request.testClock());
        Instant at = testClock != null ? testClock.frozenAt() : this.clock.instant();
        String goods = request.goods() == null || request.goods().isBlank() ? plan.name() : request.goods().trim();
        SubscriptionId id = SubscriptionId.of("sub_" + Tokens.urlSafe(16));
        Subscription created;
        Invoice first = null;
        if (plan.trialDays() > 0) {
            Instant trialEnd = BillingCalendar.trialEnd(at, plan.trialDays());
            Instant tellAt = trialEnd.minus(this.trialEndingNotice);
            created = new Subscription(id, partnerId, plan.id(), key.id(), testClock == null ? null : testClock.id(),
                    SubscriptionStatus.TRIALING, goods, trialEnd, 0, -1, at, trialEnd, trialEnd, false, false, 0, null,
                    null, tellAt.isAfter(at) ? tellAt : at, at);
        }
        else {
            created = new Subscription(id, partnerId, plan.id(), key.id(), testClock == null ? null : testClock.id(),
                    SubscriptionStatus.ACTIVE, goods, at, 0, 0, at, BillingCalendar.periodStart(at, plan.interval(), 1),
                    null, true, false, 0, null, null, at, at);
            first = new Invoice(InvoiceId.of("inv_" + Tokens.urlSafe(16)), id, 0, at, created.periodEnd(),
                    plan.amount(), Invoice.Status.OPEN, 0, null, null, at, null, List.of());
        }
        Invoice firstInvoice = first;
        Subscription subscription = created;
        this.transaction.executeWithoutResult((status) -> {
            if (!this.subscriptions.insert(subscription)) {
                throw SubscriptionRefused.keyInUse(key.id().value());
            }
            if (firstInvoice != null) {
                this.invoices.insert(firstInvoice, partnerId.value());
            }
            this.history.record(EventType.SUBSCRIPTION_CREATED, subscription, at, firstInvoice, null);
        });
        log.info("Subscription {} of partner {} created on plan {} ({})", id, partnerId, plan.id(),
                subscription.status());
        if (firstInvoice != null || !subscription.nextActionAt().isAfter(at)) {
            this.renewals.runOne(id);
        }
        return find(partnerId, id);
    }

    public Subscription find(PartnerId partnerId, SubscriptionId id) {
        return this.subscriptions.find(id)
            .filter((s) -> s.partnerId().equals(partnerId))
            .orElseThrow(() -> SubscriptionRefused.notFound("subscription", id.value()));
    }

    public List<Subscription> list(PartnerId partnerId, SubscriptionStatus status, String clockId, int limit) {
        return this.subscriptions.ofPartner(partnerId, status, clockId, limit);
    }

    public List<Invoice> invoices(PartnerId partnerId, SubscriptionId id, int limit) {
        find(partnerId, id);
        return this.invoices.ofSubscription(id, limit);
    }

    public List<SubscriptionEvent> events(PartnerId partnerId, SubscriptionId id, int limit) {
        find(partnerId, id);
        return this.history.of(id, limit);
    }

    /**
     * Cancels now (an open invoice is voided; nothing is refunded) or at the period's
     * end.
     */
    public Subscription cancel(PartnerId partnerId, SubscriptionId id, boolean atPeriodEnd) {
        return change(partnerId, id, (s, at) -> {
            if (s.status() == SubscriptionStatus.CANCELED) {
                throw SubscriptionRefused.conflict("subscription-canceled", "The subscription is already canceled.");
            }
            if (atPeriodEnd) {
                if (s.status() != SubscriptionStatus.ACTIVE && s.status() != SubscriptionStatus.TRIALING) {
                    throw SubscriptionRefused.conflict("invalid-state",
                            "Only an ACTIVE or TRIALING subscription ends at its period's end; this one is "
                                    + s.status() + " (cancel it now instead).");
                }
                return s.cancelingAtPeriodEnd(true);
            }
            this.invoices.open(id)
                .ifPresent((open) -> this.invoices.update(open.id(), transition(open, Invoice.Status.VOID),
                        open.attempts(), open.firstFailedAt(), null, null));
            Subscription canceled = s.canceled(at);
            this.history.record(EventType.SUBSCRIPTION_CANCELED, canceled, at, null, null);
            return canceled;
        });
    }

    /** Stops renewals until resumed; the paid period runs out. */
    public Subscription pause(PartnerId partnerId, SubscriptionId id) {
        return change(partnerId, id, (s, at) -> {
            requireCan(s, SubscriptionStatus.PAUSED);
            return s.with(SubscriptionStatus.PAUSED, at);
        });
    }

    /**
     * Resumes a paused subscription: within the period it had paid for, it renews at that
     * period's end as before; after it, a new period starts now and is charged at once.
     */
    public Subscription resume(PartnerId partnerId, SubscriptionId id) {
        Subscription resumed = change(partnerId, id, (s, at) -> {
            if (s.status() != SubscriptionStatus.PAUSED) {
                throw SubscriptionRefused.conflict("invalid-state",
                        "Only a PAUSED subscription resumes; this one is " + s.status() + ".");
            }
            SubscriptionStatus target = s.periodNumber() < 0 ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE;
            if (at.isBefore(s.periodEnd())) {
                return s.with(target, s.periodEnd());
            }
            return s.anchoredAt(at, s.periodNumber() + 1, at).with(SubscriptionStatus.ACTIVE, at);
        });
        if (!resumed.nextActionAt().isAfter(timeOf(resumed))) {
            this.renewals.runOne(id);
            return find(partnerId, id);
        }
        return resumed;
    }

    /**
     * Moves to another plan now. With the same interval the difference is prorated by the
     * days left of the period and settled on the next renewal (a credit when cheaper);
     * with another interval the current period runs out unprorated and the new plan's
     * periods start at its end.
     */
    public Subscription changePlan(PartnerId partnerId, SubscriptionId id, PlanId planId) {
        if (planId == null) {
            throw SubscriptionRefused.invalid("invalid-subscription", "planId is required.");
        }
        Plan target = this.plans.find(partnerId, planId);
        return change(partnerId, id, (s, at) -> {
            if (s.status() == SubscriptionStatus.CANCELED) {
                throw SubscriptionRefused.conflict("subscription-canceled", "A canceled subscription keeps its plan.");
            }
            Plan current = this.plans.find(partnerId, s.planId());
            if (!current.amount().currency().equals(target.amount().currency())) {
                throw SubscriptionRefused.invalid("currency-mismatch", "The new plan charges "
                        + target.amount().currency() + ", the subscription " + current.amount().currency() + ".");
            }
            if (!current.interval().equals(target.interval())) {
                return s.onPlan(target.id(), 0).anchoredAt(s.periodEnd(), s.periodNumber() + 1, s.periodEnd());
            }
            long proration = s.periodNumber() < 0 ? 0 : BillingCalendar.proration(current.amount().amount(),
                    target.amount().amount(), s.periodStart(), s.periodEnd(), at);
            return s.onPlan(target.id(), proration);
        });
    }

    /**
     * Charges another billing key from now on. A subscription in dunning (PAST_DUE, or
     * UNPAID with its last invoice uncollected) is retried on it at once.
     */
    public Subscription changeBillingKey(PartnerId partnerId, SubscriptionId id, String billingKey) {
        if (billingKey == null) {
            throw SubscriptionRefused.invalid("invalid-subscription", "billingKey is required.");
        }
        Subscription current = find(partnerId, id);
        BillingKey key = chargeableKey(partnerId, billingKey, this.plans.find(partnerId, current.planId()));
        Subscription changed;
        try {
            changed = change(partnerId, id, (s, at) -> {
                if (s.status() == SubscriptionStatus.CANCELED) {
                    throw SubscriptionRefused.conflict("subscription-canceled",
                            "A canceled subscription keeps its billing key.");
                }
                Subscription onKey = s.onKey(key.id());
                if (s.status() == SubscriptionStatus.PAST_DUE) {
                    this.invoices.open(id)
                        .ifPresent((open) -> this.invoices.update(open.id(), transition(open, Invoice.Status.OPEN),
                                open.attempts(), open.firstFailedAt(), at, null));
                    return onKey.nextAt(at);
                }
                if (s.status() == SubscriptionStatus.UNPAID) {
                    Invoice last = this.invoices.latest(id).orElse(null);
                    if (last != null && last.status() == Invoice.Status.UNCOLLECTIBLE) {
                        this.invoices.update(last.id(), transition(last, Invoice.Status.OPEN), last.attempts(),
                                last.firstFailedAt(), at, null);
                        return onKey.with(SubscriptionStatus.PAST_DUE, at);
                    }
                }
                return onKey;
            });
        }
        catch (org.springframework.dao.DuplicateKeyException e) {
            throw SubscriptionRefused.keyInUse(key.id().value());
        }
        if (changed.nextActionAt() != null && !changed.nextActionAt().isAfter(timeOf(changed))) {
            this.renewals.runOne(id);
            return find(partnerId, id);
        }
        return changed;
    }

    private interface Change {

        Subscription apply(Subscription s, Instant at);

    }

    /** Applies a partner's change under the subscription's row lock. */
    private Subscription change(PartnerId partnerId, SubscriptionId id, Change change) {
        return this.transaction.execute((status) -> {
            SubscriptionRepository.Locked locked = this.subscriptions.lock(id, this.clock.instant())
                .filter((found) -> found.subscription().partnerId().equals(partnerId))
                .orElseThrow(() -> SubscriptionRefused.notFound("subscription", id.value()));
            if (locked.leased()) {
                throw SubscriptionRefused.conflict("subscription-busy",
                        "A renewal of this subscription is running (or waits for a payment's outcome); try again"
                                + " shortly.");
            }
            Subscription changed = change.apply(locked.subscription(), timeOf(locked.subscription()));
            this.subscriptions.update(changed, null);
            return changed;
        });
    }

    private Instant timeOf(Subscription s) {
        return s.clockId() == null ? this.clock.instant()
                : this.clocks.find(s.clockId()).map(TestClock::frozenAt).orElseGet(this.clock::instant);
    }

    private static void requireCan(Subscription s, SubscriptionStatus target) {
        if (!s.status().canBecome(target)) {
            throw SubscriptionRefused.conflict("invalid-state",
                    "A " + s.status() + " subscription cannot become " + target + ".");
        }
    }

    private BillingKey chargeableKey(PartnerId partnerId, String billingKey, Plan plan) {
        BillingKey key;
        try {
            key = this.vault.find(partnerId, BillingKeyId.of(billingKey));
        }
        catch (RegistrationRejected | IllegalArgumentException e) {
            throw SubscriptionRefused.notFound("billing-key", billingKey);
        }
        if (key.status() != BillingKeyStatus.ACTIVE) {
            throw SubscriptionRefused.conflict("billing-key-revoked", "Billing key " + billingKey + " is revoked.");
        }
        if (!Money.KRW.equals(plan.amount().currency()) && key.type() != InstrumentType.CARD) {
            throw SubscriptionRefused.invalid("currency-mismatch",
                    "Plan " + plan.id() + " charges " + plan.amount().currency()
                            + " through the overseas API, which charges cards; billing key " + billingKey
                            + " is an account.");
        }
        return key;
    }

    /** The status an invoice moves to, refused when its own status does not allow it. */
    static Invoice.Status transition(Invoice invoice, Invoice.Status next) {
        invoice.status().requireCanBecome(next);
        return next;
    }

}
