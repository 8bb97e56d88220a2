package kr.gyeol.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import kr.gyeol.client.BillingKey;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.ClockAdvance;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.InvalidRequestException;
import kr.gyeol.client.OutcomeUnknownException;
import kr.gyeol.client.OverseasCharge;
import kr.gyeol.client.OverseasChargeResult;
import kr.gyeol.client.OverseasToken;
import kr.gyeol.client.PayType;
import kr.gyeol.client.Payer;
import kr.gyeol.client.Plan;
import kr.gyeol.client.PlanRequest;
import kr.gyeol.client.Refund;
import kr.gyeol.client.RefundRequest;
import kr.gyeol.client.Subscription;
import kr.gyeol.client.SubscriptionRequest;
import kr.gyeol.client.TestClock;
import kr.gyeol.client.TestMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gyeol trigger}: runs a real flow against the gateway as a test-mode partner,
 * with fixtures (the simulator's approving test card), and prints what it made. Its
 * webhooks follow as for any other flow.
 */
@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Run a real flow against the gateway as this test partner and print what it made.")
final class TriggerCommand implements Callable<Integer> {

    /** The flows, by name: what each does. */
    static final Map<String, String> SCENARIOS = scenarios();

    private static Map<String, String> scenarios() {
        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("billing-key.registered", "registers the test card 4242…4242 as a billing key");
        scenarios.put("billing-key.revoked", "registers the test card, then revokes its billing key");
        scenarios.put("payment.approved", "registers the test card and charges it 1,000 won (approved)");
        scenarios.put("payment.declined",
                "registers the test card, arms a decline (INSUFFICIENT_FUNDS) for its key, charges it");
        scenarios.put("payment.unknown", "registers the test card, arms a timeout for its key, charges it:"
                + " unknown until settled (gyeol settle), then approved");
        scenarios.put("refund.partial", "charges the test card 5,000 won and refunds 1,000 (needs the refund key)");
        scenarios.put("subscription.renewed", "subscribes the test card to a 9,900 won monthly plan on a new"
                + " test clock and moves the clock a month: the second period is charged");
        scenarios.put("subscription.past-due", "subscribes the test card on a new test clock, arms a decline for"
                + " its key and moves the clock a month: the renewal fails, the subscription is past due");
        scenarios.put("gpay.approved", "pays 1.00 USD in the overseas window (gpay) with the test card, as a customer"
                + " would, then charges the billing key it made 1.00 USD (/gpay/billingKey)");
        return scenarios;
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "What to run; --list describes them.")
    String scenario;

    @Option(names = "--list", description = "Describe the scenarios.")
    boolean list;

    @Option(names = "--service-id", paramLabel = "SERVICE_ID",
            description = "The partner's service_id on the overseas API, for gpay.approved (by default demo for the"
                    + " public test partner, the partner id for the test kit's partners).")
    String serviceId;

    @Mixin
    Options options;

    @ParentCommand
    GyeolCli root;

    @Spec
    CommandSpec spec;

    private GyeolCli.Output output;

    @Override
    public Integer call() {
        boolean json = this.options.over(this.root.options).json;
        this.output = new GyeolCli.Output(this.spec.commandLine().getOut(), json);
        if (this.list || this.scenario == null) {
            SCENARIOS.forEach((name, what) -> this.output.line(String.format("%-24s %s", name, what)));
            this.output.put("scenarios", SCENARIOS);
            this.output.end();
            return this.list ? Exit.OK : Exit.USAGE;
        }
        if (!SCENARIOS.containsKey(this.scenario)) {
            throw new Refusal(Exit.USAGE, "no scenario " + this.scenario + "; gyeol trigger --list names them");
        }
        Connection connection = this.root.connection(this.options);
        GyeolClient client = connection.client();
        try {
            // Test controls answer only a test-mode partner: a live one is refused here,
            // before anything is made.
            client.testMode().armed();
        }
        catch (InvalidRequestException refused) {
            if ("live-partner".equals(refused.code())) {
                throw new Refusal(Exit.REFUSED,
                        "trigger is for test-mode partners; " + connection.partner() + " is live");
            }
            throw refused;
        }
        this.output.put("scenario", this.scenario);
        switch (this.scenario) {
            case "billing-key.registered" -> register(client);
            case "billing-key.revoked" -> {
                BillingKey key = register(client);
                client.billingKeys().revoke(key.id());
                this.output.line("Revoked billing key " + key.id() + ".");
                this.output.put("revoked", key.id());
            }
            case "payment.approved" -> charge(client, register(client).id(), 1_000);
            case "payment.declined" -> {
                BillingKey key = register(client);
                arm(client, key, "DECLINE", "INSUFFICIENT_FUNDS");
                charge(client, key.id(), 1_000);
            }
            case "payment.unknown" -> {
                BillingKey key = register(client);
                arm(client, key, "TIMEOUT_THEN_APPROVE", null);
                charge(client, key.id(), 1_000);
            }
            case "refund.partial" -> refund(client, charge(client, register(client).id(), 5_000), 1_000);

            case "subscription.renewed" -> subscribe(client, register(client), false);
            case "subscription.past-due" -> subscribe(client, register(client), true);
            case "gpay.approved" -> overseas(connection);
            default -> throw new IllegalStateException(this.scenario);
        }
        this.output.end();
        return Exit.OK;
    }

    private BillingKey register(GyeolClient client) {
        BillingKey key = client.billingKeys()
            .registerCard(new CardRegistration(new Payer("gyeol-cli", "홍길동", "01012345678", "cli@example.com"),
                    "900101", "4242424242424242", "30", "12", "12"));
        this.output
            .line("Registered billing key " + key.id() + " (" + key.cardName() + " " + key.maskedCardNumber() + ").");
        this.output.put("billingKey", key.id());
        return key;
    }

    private void arm(GyeolClient client, BillingKey key, String outcome, String reason) {
        client.testMode().arm(new TestMode.Fault("CHARGE", outcome, key.id(), null, reason, 1));
        this.output.line("Armed " + outcome + (reason == null ? "" : " (" + reason + ")") + " for its next charge.");
    }

    /** A charge's order id, and the day it was approved (null when it was not). */
    private record Charged(String orderId, LocalDate paidOn) {
    }

    /** Charges the key, whatever the outcome. */
    private Charged charge(GyeolClient client, String key, long won) {
        String orderId = "cli-" + System.currentTimeMillis() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        try {
            ChargeResult result = client.payments()
                .charge(Charge.builder(PayType.CARD, key, "gyeol trigger", won).orderId(orderId).build());
            switch (result) {
                case ChargeResult.Approved approved -> {
                    this.output.line("Charged order " + orderId + " " + won + " won: approved ("
                            + approved.payment().cardApprovalNumber() + ").");
                    this.output.put("payment", Map.of("orderId", orderId, "amount", won, "status", "APPROVED"));
                    return new Charged(orderId, approved.payment().paidAt().toLocalDate());
                }
                case ChargeResult.Declined declined -> {
                    this.output.line("Charged order " + orderId + " " + won + " won: declined (" + declined.code() + " "
                            + declined.message() + ").");
                    this.output.put("payment",
                            Map.of("orderId", orderId, "amount", won, "status", "DECLINED", "code", declined.code()));
                }
            }
        }
        catch (OutcomeUnknownException unknown) {
            if (unknown.code() == null) {
                throw unknown;
            }
            this.output.line("Charged order " + orderId + " " + won + " won: unknown (" + unknown.code()
                    + "); gyeol settle settles it now, the gateway's reconciler later.");
            this.output.put("payment",
                    Map.of("orderId", orderId, "amount", won, "status", "UNKNOWN", "code", unknown.code()));
        }
        return new Charged(orderId, null);
    }

    private void refund(GyeolClient client, Charged charged, long won) {
        if (charged.paidOn() == null) {
            throw new Refusal(Exit.REFUSED, "the charge to refund was not approved");
        }
        Refund refund = client.payments().refund(RefundRequest.of(charged.orderId(), charged.paidOn(), won));
        this.output.line("Refunded " + refund.amount() + " won of order " + charged.orderId() + ".");
        this.output.put("refund", Map.of("orderId", charged.orderId(), "amount", refund.amount()));
    }

    /**
     * A customer's payment in the overseas window, then a charge of the billing key it
     * made, through the overseas API with the partner's custKey as its service key.
     */
    private void overseas(Connection connection) {
        String service = this.serviceId != null ? this.serviceId
                : Connection.TEST_PARTNER.equals(connection.partner()) ? "demo" : connection.partner();
        GyeolClient client = connection.overseasClient(service);
        OverseasToken token = client.overseas().token();
        String orderId = "cli-gpay-" + System.currentTimeMillis();
        Map<String, String> order = new LinkedHashMap<>();
        order.put("Authorization", "Bearer " + token.accessToken());
        order.put("service_id", service);
        order.put("service_oid", orderId);
        order.put("comments", "gyeol trigger");
        order.put("totalAmount", "1.00");
        order.put("currency", "USD");
        order.put("firstName", "Gildong");
        order.put("lastName", "Hong");
        order.put("email", "cli@example.com");
        order.put("resultUrl", "http://localhost/gpay-result");
        order.put("payCls", "demo");
        Map<String, String> card = new LinkedHashMap<>();
        card.put("cardNumber", "4242424242424242");
        card.put("expiryMonth", "12");
        card.put("expiryYear", "30");
        card.put("securityCode", "123");
        Map<String, String> paid = new OverseasWindow(connection.base()).pay(order, card);
        if (!"A0000".equals(paid.get("result"))) {
            throw new Refusal(Exit.REFUSED,
                    "the overseas window refused the payment: " + paid.get("result") + " " + paid.get("message"));
        }
        this.output.line("Paid order " + orderId + " 1.00 USD in the overseas window: approved (api_id "
                + paid.get("api_id") + "); billing key " + paid.get("billing_key") + ".");
        OverseasChargeResult charged = client.overseas()
            .charge(OverseasCharge.of(paid.get("billing_key"), "gyeol trigger", new BigDecimal("1.00"), "USD",
                    orderId + "-2", "123"));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("orderId", charged.orderId());
        switch (charged) {
            case OverseasChargeResult.Approved approved -> {
                this.output.line("Charged the billing key 1.00 USD, order " + approved.orderId() + ": approved (api_id "
                        + approved.payment().payId() + ").");
                second.put("status", "APPROVED");
                second.put("payId", approved.payment().payId());
            }
            case OverseasChargeResult.Declined declined -> {
                this.output.line("Charged the billing key 1.00 USD, order " + declined.orderId() + ": declined ("
                        + declined.code() + " " + declined.message() + ").");
                second.put("status", "DECLINED");
                second.put("code", declined.code());
            }
        }
        this.output.put("payment", Map.of("orderId", orderId, "amount", "1.00", "currency", "USD", "status", "APPROVED",
                "payId", paid.get("api_id")));
        this.output.put("billingKey", paid.get("billing_key"));
        this.output.put("charge", second);
    }

    private void subscribe(GyeolClient client, BillingKey key, boolean declineRenewal) {
        Plan plan = client.billing().createPlan(PlanRequest.monthly("gyeol trigger monthly", 9_900));
        TestClock clock = client.billing().createTestClock("gyeol trigger", null);
        Subscription subscription = client.billing()
            .subscribe(SubscriptionRequest.of(plan.id(), key.id()).onTestClock(clock.id()));
        this.output.line("Subscribed " + subscription.id() + " to plan " + plan.id() + " on test clock " + clock.id()
                + " (" + subscription.status() + ").");
        if (declineRenewal) {
            arm(client, key, "DECLINE", "INSUFFICIENT_FUNDS");
        }
        Instant monthLater = ClockCommand.after(clock.frozenTime(), "1M");
        ClockAdvance moved = client.billing().advance(clock.id(), monthLater);
        Subscription after = client.billing().subscription(subscription.id());
        this.output.line("Moved the clock to " + moved.frozenTime() + ": subscription " + after.id() + " is "
                + after.status() + ", period " + after.periodNumber() + ".");
        this.output.put("subscription", Map.of("id", after.id(), "status", after.status().name(), "clock", clock.id(),
                "periodNumber", after.periodNumber()));
    }

}
