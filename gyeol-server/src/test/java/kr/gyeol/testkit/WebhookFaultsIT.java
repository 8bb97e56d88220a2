package kr.gyeol.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TestKitCalls;
import kr.gyeol.support.WebhookReceiver;
import kr.gyeol.webhook.WebhookDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhook faults a test arms for its own partner ({@code /v1/test/webhook-faults}):
 * delayed, failed for N attempts, delivered twice, delivered out of order; one event per
 * use, never another partner's, refused for a live partner and for bad input.
 */
class WebhookFaultsIT extends GatewayTest {

    @Autowired
    private WebhookDispatcher dispatcher;

    @Autowired
    private JdbcClient jdbc;

    private WebhookReceiver receiver;

    private record Shop(String id, String key, PaypleTestClient payple, String billingKey) {

        String basic() {
            return PaypleTestClient.basic(this.id, this.key);
        }

    }

    @BeforeEach
    void receive() throws Exception {
        this.receiver = new WebhookReceiver(0);
        // Events of earlier tests are out of the way.
        this.dispatcher.deliverDue();
    }

    @AfterEach
    void stopReceiving() {
        this.receiver.close();
    }

    private Shop newShop() throws Exception {
        Map<String, Object> partner = TestKitCalls.newPartner(this.payple.baseUrl(),
                "{\"webhookUrl\":\"" + this.receiver.url("/hook") + "\"}");
        String id = (String) partner.get("cstId");
        String key = (String) partner.get("custKey");
        PaypleTestClient payple = new PaypleTestClient(this.payple.baseUrl(), id, key);
        String billingKey = payple.registerCard(PaypleTestClient.CARD);
        Shop shop = new Shop(id, key, payple, billingKey);
        // The registration's own event is delivered before the test arms anything.
        this.dispatcher.deliverDue();
        return shop;
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        return TestKitCalls.send(this.payple.baseUrl(), method, path, authorization, body);
    }

    private void arm(Shop shop, String fault) throws Exception {
        HttpResponse<String> armed = send("POST", "/v1/test/webhook-faults", shop.basic(), fault);
        assertThat(armed.statusCode()).as(armed.body()).isEqualTo(201);
    }

    private String pay(Shop shop) {
        String orderId = PaypleTestClient.uniqueOrderId("wf");
        assertThat(shop.payple().chargeCard(shop.billingKey(), orderId, 1000)).containsEntry("PCD_PAY_RST", "success");
        return orderId;
    }

    private List<WebhookReceiver.Received> deliveriesOf(String orderId) {
        return this.receiver.containing(orderId);
    }

    private int attemptsOf(String orderId) {
        return this.jdbc.sql("""
                SELECT count(*) FROM webhook_attempts a JOIN webhook_events e ON e.id = a.event_id
                JOIN payments p ON p.id = e.subject_id WHERE p.order_id = :orderId
                """).param("orderId", orderId).query(Integer.class).single();
    }

    @Test
    void aDelayedEventWaitsItsDelayWithoutAnAttempt() throws Exception {
        Shop shop = newShop();
        arm(shop, "{\"kind\":\"DELAY\",\"delayMs\":600000,\"eventType\":\"PAYMENT\"}");
        String delayed = pay(shop);
        this.dispatcher.deliverDue();
        assertThat(deliveriesOf(delayed)).isEmpty();
        assertThat(attemptsOf(delayed)).isZero();
        // The fault took one event: the next payment's goes out at once.
        String next = pay(shop);
        this.dispatcher.deliverDue();
        assertThat(deliveriesOf(next)).hasSize(1);

        this.clock.advance(Duration.ofMinutes(10));
        this.dispatcher.deliverDue();
        assertThat(deliveriesOf(delayed)).hasSize(1);
        assertThat(attemptsOf(delayed)).isEqualTo(1);
    }

    @Test
    void aFailingEventFailsItsFirstAttemptsWithoutAPostThenIsDelivered() throws Exception {
        Shop shop = newShop();
        arm(shop, "{\"kind\":\"FAIL\",\"failures\":2,\"delayMs\":1000}");
        String orderId = pay(shop);
        this.dispatcher.deliverDue();
        assertThat(attemptsOf(orderId)).isEqualTo(1);
        this.clock.advance(Duration.ofSeconds(1));
        this.dispatcher.deliverDue();
        assertThat(attemptsOf(orderId)).isEqualTo(2);
        assertThat(deliveriesOf(orderId)).isEmpty();
        this.clock.advance(Duration.ofSeconds(1));
        this.dispatcher.deliverDue();
        assertThat(attemptsOf(orderId)).isEqualTo(3);
        assertThat(deliveriesOf(orderId)).hasSize(1);
        assertThat(this.jdbc.sql("""
                SELECT a.error FROM webhook_attempts a JOIN webhook_events e ON e.id = a.event_id
                JOIN payments p ON p.id = e.subject_id WHERE p.order_id = :orderId ORDER BY a.number
                """).param("orderId", orderId).query(String.class).list()).containsExactly("test fault: failure 1 of 2",
                "test fault: failure 2 of 2", null);
    }

    @Test
    void aDuplicatedEventReachesTheReceiverTwiceWithOneIdAndSignature() throws Exception {
        Shop shop = newShop();
        arm(shop, "{\"kind\":\"DUPLICATE\"}");
        String orderId = pay(shop);
        this.dispatcher.deliverDue();
        List<WebhookReceiver.Received> twice = deliveriesOf(orderId);
        assertThat(twice).hasSize(2);
        assertThat(twice.get(1).id()).isEqualTo(twice.get(0).id());
        assertThat(twice.get(1).signature()).isEqualTo(twice.get(0).signature());
        assertThat(twice.get(1).body()).isEqualTo(twice.get(0).body());
        assertThat(attemptsOf(orderId)).isEqualTo(1);
    }

    @Test
    void anEventHeldOutOfOrderGoesAfterTheNextOneOrItsHold() throws Exception {
        Shop shop = newShop();
        arm(shop, "{\"kind\":\"OUT_OF_ORDER\"}");
        String first = pay(shop);
        this.dispatcher.deliverDue();
        assertThat(deliveriesOf(first)).isEmpty();
        String second = pay(shop);
        this.dispatcher.deliverDue();
        List<String> bodies = this.receiver.all().stream().map(WebhookReceiver.Received::body).toList();
        int secondAt = indexOf(bodies, second);
        int firstAt = indexOf(bodies, first);
        assertThat(secondAt).isNotNegative();
        assertThat(firstAt).isGreaterThan(secondAt);

        // With no later event, the hold runs out.
        arm(shop, "{\"kind\":\"OUT_OF_ORDER\",\"delayMs\":5000}");
        String alone = pay(shop);
        this.dispatcher.deliverDue();
        assertThat(deliveriesOf(alone)).isEmpty();
        this.clock.advance(Duration.ofSeconds(5));
        this.dispatcher.deliverDue();
        assertThat(deliveriesOf(alone)).hasSize(1);
    }

    private static int indexOf(List<String> bodies, String orderId) {
        for (int i = 0; i < bodies.size(); i++) {
            if (bodies.get(i).contains(orderId)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void webhookFaultsNeverReachAnotherPartnerAndDisarmingSendsWhatWasHeld() throws Exception {
        Shop armed = newShop();
        Shop other = newShop();
        arm(armed, "{\"kind\":\"DELAY\",\"delayMs\":3600000,\"count\":3}");
        String otherPaid = pay(other);
        String held = pay(armed);
        this.dispatcher.deliverDue();
        assertThat(deliveriesOf(otherPaid)).hasSize(1);
        assertThat(deliveriesOf(held)).isEmpty();
        assertThat(send("GET", "/v1/test/webhook-faults", armed.basic(), null).body()).contains("\"remaining\":2");
        assertThat(send("GET", "/v1/test/webhook-faults", other.basic(), null).body()).isEqualTo("{\"faults\":[]}");

        assertThat(send("DELETE", "/v1/test/webhook-faults", armed.basic(), null).body()).isEqualTo("{\"disarmed\":1}");
        this.dispatcher.deliverDue();
        assertThat(deliveriesOf(held)).hasSize(1);
    }

    @Test
    void badWebhookFaultsAndLivePartnersAreRefusedWithNothingArmed() throws Exception {
        Shop shop = newShop();
        for (String bad : List.of("{}", "{\"kind\":\"EXPLODE\"}", "{\"kind\":\"DELAY\"}",
                "{\"kind\":\"DELAY\",\"delayMs\":-1}", "{\"kind\":\"DELAY\",\"delayMs\":86400001}",
                "{\"kind\":\"FAIL\"}", "{\"kind\":\"FAIL\",\"failures\":0}", "{\"kind\":\"FAIL\",\"failures\":101}",
                "{\"kind\":\"DUPLICATE\",\"failures\":1}", "{\"kind\":\"DUPLICATE\",\"delayMs\":5}",
                "{\"kind\":\"DUPLICATE\",\"count\":0}", "{\"kind\":\"DUPLICATE\",\"count\":1001}",
                "{\"kind\":\"DUPLICATE\",\"eventType\":\"PAYMENT_MAYBE\"}")) {
            HttpResponse<String> refused = send("POST", "/v1/test/webhook-faults", shop.basic(), bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(send("GET", "/v1/test/webhook-faults", shop.basic(), null).body()).isEqualTo("{\"faults\":[]}");

        String live = PaypleTestClient.basic("strict", "strict-secret-0123456789");
        HttpResponse<String> forbidden = send("POST", "/v1/test/webhook-faults", live, "{\"kind\":\"DUPLICATE\"}");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("live-partner");
    }

}
