package kr.gyeol.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kr.gyeol.partner.PartnerProperties;
import kr.gyeol.partner.jdbc.PartnerRepository;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.WebhookReceiver;
import kr.gyeol.webhook.WebhookDispatcher;
import kr.gyeol.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/test-kit/partners}: a throw-away test-mode partner per test, with its
 * own credentials and webhook receiver, refused without the test-kit key.
 */
class TestKitIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private PartnerRepository partners;

    @Autowired
    private PartnerProperties configured;

    /**
     * The tests' gateway delivers when asked (gyeol.webhooks.interval is an hour here).
     */
    @Autowired
    private WebhookDispatcher dispatcher;

    private HttpResponse<String> create(String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create(this.payple.baseUrl() + "/v1/test-kit/partners"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> created(String body) throws Exception {
        HttpResponse<String> response = create("Bearer " + TEST_KIT_KEY, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return this.json.readValue(response.body(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
        });
    }

    @Test
    void withoutTheKitKeyNothingIsMade() throws Exception {
        int before = this.partners.all().size();
        HttpResponse<String> none = create(null, "{}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(none.body()).contains("\"code\":\"unauthenticated\"");
        assertThat(create("Bearer wrong", "{}").statusCode()).isEqualTo(401);
        // A partner's Basic credentials are not the kit's key either.
        assertThat(create(PaypleTestClient.BASIC, "{}").statusCode()).isEqualTo(401);
        assertThat(this.partners.all()).hasSize(before);
    }

    @Test
    void badInputIsAProblemAndMakesNothing() throws Exception {
        int before = this.partners.all().size();
        HttpResponse<String> format = create("Bearer " + TEST_KIT_KEY,
                "{\"webhookUrl\":\"http://127.0.0.1:9/hook\",\"webhookFormat\":\"XML\"}");
        assertThat(format.statusCode()).isEqualTo(422);
        assertThat(format.body()).contains("invalid-webhook-format");
        HttpResponse<String> url = create("Bearer " + TEST_KIT_KEY, "{\"webhookUrl\":\"ftp://127.0.0.1/hook\"}");
        assertThat(url.statusCode()).isEqualTo(422);
        assertThat(url.body()).contains("invalid-webhook-url");
        assertThat(create("Bearer " + TEST_KIT_KEY, "{\"domains\":[\"a,b\"]}").statusCode()).isEqualTo(422);
        assertThat(this.partners.all()).hasSize(before);
    }

    @Test
    void aTestPartnerPaysOnItsOwnAndHearsItsOwnWebhooks() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            Map<String, Object> first = created("{\"webhookUrl\":\"" + receiver.url("/first") + "\"}");
            Map<String, Object> second = created("{}");
            assertThat(first.get("cstId")).isNotEqualTo(second.get("cstId"));
            assertThat(first.get("domains")).isEqualTo(List.of("localhost", "127.0.0.1"));
            assertThat(second.get("webhookSecret")).isNull();
            // Enrolled for overseas payments under its own id (its service key is its
            // custKey).
            assertThat(first.get("gpayServiceId")).isEqualTo(first.get("cstId"));

            PaypleTestClient shop = new PaypleTestClient(this.payple.baseUrl(), (String) first.get("cstId"),
                    (String) first.get("custKey"));
            String billingKey = shop.registerCard(PaypleTestClient.CARD);
            String orderId = PaypleTestClient.uniqueOrderId("kit");
            Map<String, String> charge = shop.chargeCard(billingKey, orderId, 1000);
            assertThat(charge).containsEntry("PCD_PAY_RST", "success");

            // The other test's partner does not see the payment, nor the key.
            PaypleTestClient other = new PaypleTestClient(this.payple.baseUrl(), (String) second.get("cstId"),
                    (String) second.get("custKey"));
            assertThat(other.chargeCard(billingKey, PaypleTestClient.uniqueOrderId("kit"), 1000))
                .containsEntry("PCD_PAY_RST", "error");

            // Its webhook reaches the receiver on localhost, signed with its own secret.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                this.dispatcher.deliverDue();
                return !receiver.containing(orderId).isEmpty();
            });
            WebhookReceiver.Received delivery = receiver.containing(orderId).get(0);
            assertThat(delivery.signature()).contains(WebhookSignature.sign((String) first.get("webhookSecret"),
                    delivery.id(), Long.parseLong(delivery.timestamp()), delivery.body()));

            // A start (the configuration upserted, removed partners disabled) leaves it
            // alone.
            new kr.gyeol.partner.PartnerSeederAccess(this.configured, this.partners).run();
            assertThat(shop.auth(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"))).containsEntry("result",
                    "success");
        }
    }

}
