package kr.gyeol.client;

/**
 * A new subscription of {@code billingKey} to {@code planId}; {@code goods} (the name on
 * each charge) defaults to the plan's name, {@code testClock} attaches a test clock.
 */
public record SubscriptionRequest(String planId, String billingKey, String goods, String testClock) {

    public static SubscriptionRequest of(String planId, String billingKey) {
        return new SubscriptionRequest(planId, billingKey, null, null);
    }

    /** The same subscription living by a test clock (test-mode partners only). */
    public SubscriptionRequest onTestClock(String clockId) {
        return new SubscriptionRequest(planId, billingKey, goods, clockId);
    }

}
