package kr.gyeol.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recurring billing, Gyeol's extension beside the Payple API ({@code /v1}): plans,
 * subscriptions on billing keys, their invoices and events, dunning settings and test
 * clocks. Refusals arrive as {@link InvalidRequestException} whose {@code code()} is the
 * problem's stable code (e.g. {@code billing-key-in-use}).
 */
public final class Billing {

    private final JsonApi api;

    Billing(JsonApi api) {
        this.api = api;
    }

    public Plan createPlan(PlanRequest request) {
        return this.api.send("POST", "/v1/plans", request, Plan.class);
    }

    public Plan plan(String id) {
        return this.api.get("/v1/plans/" + path(id), Plan.class);
    }

    public List<Plan> plans() {
        return this.api.<JsonApi.Listing<Plan>>get("/v1/plans?limit=500", JsonApi.listOf(Plan.class)).data();
    }

    /**
     * Subscribes a billing key to a plan. Without a trial the first period is charged
     * before this returns: ACTIVE when approved, PAST_DUE (with dunning) when not.
     */
    public Subscription subscribe(SubscriptionRequest request) {
        return this.api.send("POST", "/v1/subscriptions", request, Subscription.class);
    }

    public Subscription subscription(String id) {
        return this.api.get("/v1/subscriptions/" + path(id), Subscription.class);
    }

    /**
     * The partner's subscriptions, newest first; {@code status} and {@code testClock} may
     * be null.
     */
    public List<Subscription> subscriptions(SubscriptionStatus status, String testClock) {
        StringBuilder query = new StringBuilder("/v1/subscriptions?limit=500");
        if (status != null) {
            query.append("&status=").append(status.name());
        }
        if (testClock != null) {
            query.append("&testClock=").append(path(testClock));
        }
        return this.api.<JsonApi.Listing<Subscription>>get(query.toString(), JsonApi.listOf(Subscription.class)).data();
    }

    /** Cancels now: an open invoice is voided, nothing is refunded. */
    public Subscription cancel(String id) {
        return this.api.send("POST", "/v1/subscriptions/" + path(id) + "/cancel", Map.of("atPeriodEnd", false),
                Subscription.class);
    }

    /** Cancels when the current period ends; it is not renewed. */
    public Subscription cancelAtPeriodEnd(String id) {
        return this.api.send("POST", "/v1/subscriptions/" + path(id) + "/cancel", Map.of("atPeriodEnd", true),
                Subscription.class);
    }

    public Subscription pause(String id) {
        return this.api.send("POST", "/v1/subscriptions/" + path(id) + "/pause", null, Subscription.class);
    }

    public Subscription resume(String id) {
        return this.api.send("POST", "/v1/subscriptions/" + path(id) + "/resume", null, Subscription.class);
    }

    /**
     * Moves to another plan now, prorated by days on the next renewal (same interval).
     */
    public Subscription changePlan(String id, String planId) {
        return this.api.send("PUT", "/v1/subscriptions/" + path(id) + "/plan", Map.of("planId", planId),
                Subscription.class);
    }

    /**
     * Charges another billing key from now on; a subscription in dunning is retried on it
     * at once.
     */
    public Subscription changeBillingKey(String id, String billingKey) {
        return this.api.send("PUT", "/v1/subscriptions/" + path(id) + "/billing-key", Map.of("billingKey", billingKey),
                Subscription.class);
    }

    /** The subscription's invoices, newest first, each with every charge attempt. */
    public List<Invoice> invoices(String id) {
        return this.api.<JsonApi.Listing<Invoice>>get("/v1/subscriptions/" + path(id) + "/invoices?limit=500",
                JsonApi.listOf(Invoice.class))
            .data();
    }

    /** What happened to the subscription, oldest first, as its webhooks told it. */
    public List<SubscriptionEvent> events(String id) {
        return this.api.<JsonApi.Listing<SubscriptionEvent>>get("/v1/subscriptions/" + path(id) + "/events?limit=500",
                JsonApi.listOf(SubscriptionEvent.class))
            .data();
    }

    public DunningSettings dunning() {
        return this.api.get("/v1/billing-settings", DunningSettings.class);
    }

    public DunningSettings configureDunning(DunningSettings settings) {
        return this.api.send("PUT", "/v1/billing-settings", settings, DunningSettings.class);
    }

    /**
     * A test clock frozen at {@code frozenTime} (now when null); test-mode partners only.
     */
    public TestClock createTestClock(String name, Instant frozenTime) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("frozenTime", frozenTime == null ? null : frozenTime.toString());
        return this.api.send("POST", "/v1/test-clocks", body, TestClock.class);
    }

    public TestClock testClock(String id) {
        return this.api.get("/v1/test-clocks/" + path(id), TestClock.class);
    }

    /**
     * Moves a test clock forward to {@code to}; every renewal, failure and dunning step
     * that falls due runs, in order, before this returns.
     */
    public ClockAdvance advance(String clockId, Instant to) {
        return this.api.send("POST", "/v1/test-clocks/" + path(clockId) + "/advance",
                Map.of("frozenTime", to.toString()), ClockAdvance.class);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
