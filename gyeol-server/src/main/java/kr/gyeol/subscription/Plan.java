package kr.gyeol.subscription;

import kr.gyeol.shared.PlanId;
import java.time.Instant;

import kr.gyeol.shared.Money;
import kr.gyeol.shared.PartnerId;

/** What a subscription costs and how often: a partner's price list entry. */
public record Plan(PlanId id, PartnerId partnerId, String name, Money amount, BillingInterval interval, int trialDays,
        Instant createdAt) {

    /** Whether its renewals are charged with monthly duplicate prevention. */
    public boolean monthly() {
        return interval.unit() == BillingInterval.Unit.MONTH;
    }

}
