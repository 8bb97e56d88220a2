package kr.gyeol.subscription;

import kr.gyeol.shared.PlanId;
import java.time.Clock;
import java.util.Currency;
import java.util.List;

import kr.gyeol.payment.ChargeRules;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.subscription.jdbc.PlanRepository;
import kr.gyeol.shared.InstrumentType;

import org.springframework.stereotype.Service;

/** A partner's plans and its dunning settings. */
@Service
public class Plans {

    private static final List<String> CURRENCIES = List.of("KRW", "USD");

    private final PlanRepository plans;

    private final Renewals renewals;

    private final Clock clock;

    Plans(PlanRepository plans, Renewals renewals, Clock clock) {
        this.plans = plans;
        this.renewals = renewals;
        this.clock = clock;
    }

    /** What a partner asks a new plan to be; amount in the currency's minor unit. */
    public record NewPlan(String name, Long amount, String currency, String interval, Integer intervalCount,
            Integer trialDays) {
    }

    public Plan create(PartnerId partnerId, NewPlan request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw SubscriptionRefused.invalid("invalid-plan", "name is 1 to 100 characters.");
        }
        String code = request.currency() == null ? "KRW" : request.currency().trim().toUpperCase(java.util.Locale.ROOT);
        if (!CURRENCIES.contains(code)) {
            throw SubscriptionRefused.invalid("invalid-plan", "currency is KRW or USD.");
        }
        if (request.amount() == null || request.amount() <= 0 || request.amount() > 10_000_000_000L) {
            throw SubscriptionRefused.invalid("invalid-plan",
                    "amount is a whole number of the currency's minor unit, above 0 (KRW has none, USD cents).");
        }
        Money amount = new Money(request.amount(), Currency.getInstance(code));
        if (code.equals("KRW") && ChargeRules.belowMinimum(PaymentApi.PAYPLE, InstrumentType.CARD, amount)) {
            throw SubscriptionRefused.invalid("invalid-plan", "amount is below the smallest domestic charge.");
        }
        BillingInterval.Unit unit;
        try {
            unit = BillingInterval.Unit.valueOf(
                    request.interval() == null ? "" : request.interval().trim().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw SubscriptionRefused.invalid("invalid-plan", "interval is DAY, WEEK, MONTH or YEAR.");
        }
        int count = request.intervalCount() == null ? 1 : request.intervalCount();
        if (count < 1 || count > 366) {
            throw SubscriptionRefused.invalid("invalid-plan", "intervalCount is 1 to 366.");
        }
        int trialDays = request.trialDays() == null ? 0 : request.trialDays();
        if (trialDays < 0 || trialDays > 730) {
            throw SubscriptionRefused.invalid("invalid-plan", "trialDays is 0 to 730.");
        }
        Plan plan = new Plan(PlanId.of("plan_" + Tokens.urlSafe(14)), partnerId, request.name().trim(), amount,
                new BillingInterval(unit, count), trialDays, this.clock.instant());
        this.plans.insert(plan);
        return plan;
    }

    public Plan find(PartnerId partnerId, PlanId id) {
        return this.plans.find(id)
            .filter((plan) -> plan.partnerId().equals(partnerId))
            .orElseThrow(() -> SubscriptionRefused.notFound("plan", id.value()));
    }

    /**
     * The id a request names: a blank one names no plan, and is answered as one not
     * found.
     */
    public static PlanId idOf(String value) {
        if (value == null || value.isBlank()) {
            throw SubscriptionRefused.notFound("plan", value);
        }
        return PlanId.of(value);
    }

    public List<Plan> list(PartnerId partnerId, int limit) {
        return this.plans.ofPartner(partnerId, limit);
    }

    public DunningPolicy dunning(PartnerId partnerId) {
        return this.renewals.dunning(partnerId);
    }

    public DunningPolicy configureDunning(PartnerId partnerId, List<Integer> retryDays, String afterRetries) {
        if (retryDays == null || afterRetries == null) {
            throw SubscriptionRefused.invalid("invalid-settings", "retryDays and afterRetries are both required.");
        }
        SubscriptionStatus after;
        try {
            after = SubscriptionStatus.valueOf(afterRetries.trim().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw SubscriptionRefused.invalid("invalid-settings", "afterRetries is UNPAID or CANCELED.");
        }
        if (retryDays.stream().anyMatch(java.util.Objects::isNull)) {
            throw SubscriptionRefused.invalid("invalid-settings", "retryDays are whole days.");
        }
        DunningPolicy policy = new DunningPolicy(retryDays, after);
        this.plans.saveDunning(partnerId, policy);
        return policy;
    }

}
