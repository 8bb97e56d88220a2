package kr.gyeol.client;

import static kr.gyeol.client.FakeGateway.json;
import static kr.gyeol.client.FakeGateway.noAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overseas API against a scripted gateway: tokens, charges, lookups and cancels. */
class OverseasTest {

    private static final String TOKEN = "/gpay/oauth/1.0/token";

    private static final String CHARGE = "/gpay/billingKey";

    private static final String RESULT = "/gpay/paymentResult";

    private final FakeGateway gateway = new FakeGateway();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T00:00:00Z"));

    private final GyeolClient client = GyeolClient.builder()
        .hosts(Hosts.gyeol(FakeGateway.BASE))
        .partner("test", "abcd1234567890")
        .overseasService("demo", "abcd1234567890")
        .transport(this.gateway)
        .clock(this.clock)
        .sleeper((duration) -> {
        })
        .build();

    private static FakeGateway.Answer token(String value) {
        return json("result", "T0000", "message", "Process Success", "access_token", value, "token_type", "Bearer",
                "payCls", "demo", "expires_in", "600");
    }

    private static FakeGateway.Answer paid(String orderId) {
        return json("type", "PAYMENT", "result", "A0000", "message", "처리 성공", "api_id", "6548264741426583803027",
                "api_date", "2026-11-24 09:00:01", "info",
                Map.of("service_oid", orderId, "comments", "Plan", "billing_key", "gbk", "totalAmount", "1.00",
                        "currency", "USD", "card_number", "4242-****-****-4242", "submitTimeUtc",
                        "2026-11-24 00:00:01"));
    }

    @Test
    void aTokenAsksWithATenCharacterCodeAndKnowsWhenItExpires() {
        this.gateway.on(TOKEN, token("t1"));

        OverseasToken token = this.client.overseas().token();

        assertThat(token.accessToken()).isEqualTo("t1");
        assertThat(token.payCls()).isEqualTo("demo");
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-24T00:10:00Z"));
        assertThat(token.toString()).doesNotContain("t1");
        assertThat(this.gateway.seen().get(0).body()).containsEntry("service_id", "demo")
            .containsEntry("service_key", "abcd1234567890");
        assertThat((String) this.gateway.seen().get(0).body().get("code")).matches("[A-Za-z0-9]{10}");
    }

    @Test
    void aChargeUsesItsOwnTokenAndReadsTheNestedAnswer() {
        this.gateway.on(TOKEN, token("t1")).on(CHARGE, paid("g1"));

        OverseasChargeResult result = this.client.overseas()
            .charge(OverseasCharge.of("gbk", "Plan", new BigDecimal("1.00"), "USD", "g1", "123"));

        OverseasPayment payment = ((OverseasChargeResult.Approved) result).payment();
        assertThat(payment.payId()).isEqualTo("6548264741426583803027");
        assertThat(payment.amount()).isEqualByComparingTo("1.00");
        assertThat(payment.paidAt()).isEqualTo("2026-11-24T09:00:01");
        FakeGateway.Seen sent = this.gateway.seen().get(1);
        assertThat(sent.headers()).containsEntry("Authorization", "Bearer t1");
        assertThat(sent.body()).containsEntry("totalAmount", "1.00")
            .containsEntry("billing_key", "gbk")
            .containsEntry("service_oid", "g1");
    }

    @Test
    void aDeclineIsAResult() {
        this.gateway.on(TOKEN, token("t1"))
            .on(CHARGE, json("type", "PAYMENT", "result", "A0301", "message", "Card Declined: [3143] 카드사 문의"));

        assertThat(this.client.overseas().charge(OverseasCharge.of("gbk", "Plan", BigDecimal.ONE, "USD", "g2", "123")))
            .isInstanceOf(OverseasChargeResult.Declined.class);
    }

    @Test
    void aChargeWithoutAnAnswerIsLookedUpByItsOrderId() {
        this.gateway.on(TOKEN, token("t1"), token("t2")).on(CHARGE, noAnswer()).on(RESULT, paid("g3"));

        OverseasChargeResult result = this.client.overseas()
            .charge(OverseasCharge.of("gbk", "Plan", BigDecimal.ONE, "USD", "g3", "123"));

        assertThat(result).isInstanceOf(OverseasChargeResult.Approved.class);
        assertThat(this.gateway.count(CHARGE)).isOne();
        assertThat(this.gateway.seen().get(3).body()).containsEntry("service_oid", "g3");
    }

    @Test
    void anUnknownOutcomeStillUnknownAtLookupRaises() {
        FakeGateway.Answer unknown = json("type", "PAYMENT", "result", "A0303", "message", "Payment Result Unknown");
        this.gateway.on(TOKEN, token("t1"), token("t2")).on(CHARGE, unknown).on(RESULT, unknown);

        assertThatThrownBy(() -> this.client.overseas()
            .charge(OverseasCharge.of("gbk", "Plan", BigDecimal.ONE, "USD", "g4", "123")))
            .isInstanceOfSatisfying(OutcomeUnknownException.class, (ex) -> {
                assertThat(ex.code()).isEqualTo("A0303");
                assertThat(ex.orderId()).isEqualTo("g4");
            });
        assertThat(this.gateway.count(CHARGE)).isOne();
    }

    @Test
    void lookupsShareATokenUntilAMinuteBeforeItExpires() {
        this.gateway.on(TOKEN, token("t1"), token("t2")).on(RESULT, paid("g5"));

        this.client.overseas().lookup(null, "g5");
        this.clock.advance(Duration.ofSeconds(539));
        this.client.overseas().lookup(null, "g5");
        assertThat(this.gateway.count(TOKEN)).isOne();
        this.clock.advance(Duration.ofSeconds(1));
        this.client.overseas().lookup(null, "g5");
        assertThat(this.gateway.count(TOKEN)).isEqualTo(2);
        assertThat(this.gateway.seen().get(4).headers()).containsEntry("Authorization", "Bearer t2");
    }

    @Test
    void refusedServiceKeysAndDuplicatesRaiseTheirExceptions() {
        this.gateway.on(TOKEN, json("result", "T0201", "message", "service_key value does not exist."));
        assertThatThrownBy(() -> this.client.overseas().token()).isInstanceOf(AuthenticationException.class);

        FakeGateway other = new FakeGateway().on(TOKEN, token("t1"))
            .on(CHARGE, json("result", "A0202", "message", "Duplicated service_oid"));
        GyeolClient client = GyeolClient.builder()
            .hosts(Hosts.gyeol(FakeGateway.BASE))
            .partner("test", "k")
            .overseasService("demo", "k")
            .transport(other)
            .build();
        assertThatThrownBy(
                () -> client.overseas().charge(OverseasCharge.of("gbk", "Plan", BigDecimal.ONE, "USD", "g6", "1")))
            .isInstanceOf(DuplicateOrderException.class);
    }

}
