package kr.gyeol.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The recurring-billing calls ({@code /v1}) against a scripted gateway: methods, paths,
 * Basic credentials and bodies; answers into records; problems into exceptions with their
 * codes; reads retried, changes sent once.
 */
class BillingTest {

    private final FakeGateway gateway = new FakeGateway();

    private final Billing billing = GyeolClient.builder()
        .hosts(Hosts.gyeol(FakeGateway.BASE))
        .partner("test", "abcd1234567890")
        .transport(this.gateway)
        .sleeper((duration) -> {
        })
        .build()
        .billing();

    private static FakeGateway.Answer answer(int status, String body) {
        return new FakeGateway.Answer(status, body);
    }

    private static final String SUBSCRIPTION = """
            {"id":"sub_1","status":"PAST_DUE","planId":"plan_1","billingKey":"bk1","goods":"구독","testClock":null,
             "periodNumber":0,"currentPeriodStart":"2025-01-31T01:00:00Z","currentPeriodEnd":"2025-02-28T01:00:00Z",
             "trialEnd":null,"cancelAtPeriodEnd":false,"balance":0,"canceledAt":null,"pausedAt":null,
             "nextActionAt":"2025-02-01T01:00:00Z","createdAt":"2025-01-31T01:00:00Z","addedLater":"ignored"}
            """;

    @Test
    void subscribePostsJsonWithBasicCredentialsAndReadsTheSubscription() {
        this.gateway.on("/v1/subscriptions", answer(201, SUBSCRIPTION));

        Subscription subscription = this.billing
            .subscribe(SubscriptionRequest.of("plan_1", "bk1").onTestClock("clock_1"));

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(subscription.nextActionAt()).isEqualTo(Instant.parse("2025-02-01T01:00:00Z"));
        FakeGateway.Seen sent = this.gateway.seen().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.body()).containsEntry("planId", "plan_1")
            .containsEntry("billingKey", "bk1")
            .containsEntry("testClock", "clock_1");
        assertThat(sent.headers()).containsEntry("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("test:abcd1234567890".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aProblemBecomesAnInvalidRequestWithItsStableCodeAndIsNotSentAgain() {
        this.gateway.on("/v1/subscriptions", answer(409,
                "{\"type\":\"about:blank\",\"status\":409,\"detail\":\"Billing key bk1 already backs a subscription.\","
                        + "\"code\":\"billing-key-in-use\"}"));

        assertThatThrownBy(() -> this.billing.subscribe(SubscriptionRequest.of("plan_1", "bk1")))
            .isInstanceOfSatisfying(InvalidRequestException.class, (e) -> {
                assertThat(e.code()).isEqualTo("billing-key-in-use");
                assertThat(e.gatewayMessage()).contains("already backs");
            });
        assertThat(this.gateway.count("/v1/subscriptions")).isEqualTo(1);
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailure() {
        this.gateway.on("/v1/plans/plan_1", answer(401, "{\"code\":\"unauthenticated\",\"detail\":\"HTTP Basic\"}"));
        assertThatThrownBy(() -> this.billing.plan("plan_1")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void readsAreRetriedAfterA5xxAndChangesAreNot() {
        this.gateway.on("/v1/subscriptions/sub_1/invoices?limit=500", answer(503, "{}"), answer(200, """
                {"data":[{"id":"inv_1","subscriptionId":"sub_1","periodNumber":0,"amount":9900,"currency":"KRW",
                 "status":"OPEN","attempts":1,"history":[{"number":1,"orderId":"sub_1-P0-A1","status":"DECLINED",
                 "declineReason":"INSUFFICIENT_FUNDS","hardDecline":false}]}]}
                """));
        List<Invoice> invoices = this.billing.invoices("sub_1");
        assertThat(invoices).singleElement()
            .satisfies((invoice) -> assertThat(invoice.history()).extracting(Invoice.Attempt::declineReason)
                .containsExactly("INSUFFICIENT_FUNDS"));
        assertThat(this.gateway.seen()).extracting(FakeGateway.Seen::method).containsExactly("GET", "GET");
        assertThat(this.gateway.seen())
            .allSatisfy((seen) -> assertThat(seen.headers()).doesNotContainKey("Idempotency-Key"));

        this.gateway.on("/v1/subscriptions/sub_1/cancel", answer(503, "{}"));
        assertThatThrownBy(() -> this.billing.cancel("sub_1")).isInstanceOf(OutcomeUnknownException.class);
        assertThat(this.gateway.count("/v1/subscriptions/sub_1/cancel")).isEqualTo(1);
    }

    @Test
    void advancingAClockSendsTheTimeAndPathSegmentsAreEncoded() {
        this.gateway.on("/v1/test-clocks/clock%2F1/advance", answer(200,
                "{\"id\":\"clock/1\",\"frozenTime\":\"2025-03-01T00:00:00Z\",\"steps\":12,\"stillDue\":0}"));
        ClockAdvance advanced = this.billing.advance("clock/1", Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(advanced.steps()).isEqualTo(12);
        assertThat(this.gateway.seen().get(0).body()).containsEntry("frozenTime", "2025-03-01T00:00:00Z");
    }

}
