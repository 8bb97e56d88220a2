package kr.gyeol.client;

/**
 * A new plan. {@code currency} is KRW (domestic billing keys) unless given.
 */
public record PlanRequest(String name, long amount, String currency, BillingInterval interval, int intervalCount,
        int trialDays) {

    /** A plan charged every month in won. */
    public static PlanRequest monthly(String name, long won) {
        return new PlanRequest(name, won, "KRW", BillingInterval.MONTH, 1, 0);
    }

    /** The same plan with a free trial first. */
    public PlanRequest withTrialDays(int days) {
        return new PlanRequest(name, amount, currency, interval, intervalCount, days);
    }

}
