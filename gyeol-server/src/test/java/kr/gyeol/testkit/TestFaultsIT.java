package kr.gyeol.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults a test arms for its own partner ({@code /v1/test/faults}) and settling its
 * unknowns now ({@code /v1/test/settle}): deterministic, one charge each, never another
 * partner's, refused for a live partner and for bad input.
 */
class TestFaultsIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    /** A partner of its own, made by the test kit, and a Payple client of it. */
    private record Shop(String id, String key, PaypleTestClient payple) {

        String basic() {
            return PaypleTestClient.basic(this.id, this.key);
        }

    }

    private Shop newShop() throws Exception {
        HttpResponse<String> made = send("POST", "/v1/test-kit/partners", "Bearer " + TEST_KIT_KEY, "{}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        Map<String, Object> partner = this.json.readValue(made.body(), new TypeReference<Map<String, Object>>() {
        });
        String id = (String) partner.get("cstId");
        String key = (String) partner.get("custKey");
        return new Shop(id, key, new PaypleTestClient(this.payple.baseUrl(), id, key));
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> arm(Shop shop, String fault) throws Exception {
        return send("POST", "/v1/test/faults", shop.basic(), fault);
    }

    private Map<String, String> lookup(Shop shop, String orderId) {
        return shop.payple()
            .call(Map.of("PCD_PAYCHK_FLAG", "Y"), Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE",
                    KoreanTime.date(this.clock.instant()), "PCD_PAY_TYPE", "card"));
    }

    @Test
    void anArmedDeclineTakesTheNextChargeOfItsKeyOnly() throws Exception {
        Shop shop = newShop();
        String key = shop.payple().registerCard(PaypleTestClient.CARD);
        String other = shop.payple().registerCard(PaypleTestClient.CARD);
        HttpResponse<String> armed = arm(shop,
                "{\"billingKey\":\"" + key + "\",\"outcome\":\"DECLINE\",\"declineReason\":\"INSUFFICIENT_FUNDS\"}");
        assertThat(armed.statusCode()).as(armed.body()).isEqualTo(201);
        assertThat(armed.body()).contains("\"remaining\":1");

        assertThat(shop.payple().chargeCard(other, PaypleTestClient.uniqueOrderId("f"), 1000))
            .containsEntry("PCD_PAY_RST", "success");
        Map<String, String> declined = shop.payple().chargeCard(key, PaypleTestClient.uniqueOrderId("f"), 1000);
        assertThat(declined).containsEntry("PCD_PAY_RST", "error");
        assertThat(declined.get("PCD_PAY_MSG")).contains("잔액이 부족합니다");
        // Used up: the next charge of the key is the network's own again.
        assertThat(shop.payple().chargeCard(key, PaypleTestClient.uniqueOrderId("f"), 1000))
            .containsEntry("PCD_PAY_RST", "success");
        assertThat(send("GET", "/v1/test/faults", shop.basic(), null).body()).isEqualTo("{\"faults\":[]}");
    }

    @Test
    void aTimeoutIsUnknownUntilSettledNowThenApproved() throws Exception {
        Shop shop = newShop();
        String key = shop.payple().registerCard(PaypleTestClient.CARD);
        assertThat(arm(shop, "{\"outcome\":\"TIMEOUT_THEN_APPROVE\"}").statusCode()).isEqualTo(201);
        String orderId = PaypleTestClient.uniqueOrderId("f");
        assertThat(shop.payple().chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_CODE", "SPCD1001");
        assertThat(lookup(shop, orderId)).containsEntry("PCD_PAY_CODE", "SPCD1001");

        HttpResponse<String> settled = send("POST", "/v1/test/settle", shop.basic(), null);
        assertThat(settled.statusCode()).isEqualTo(200);
        assertThat(lookup(shop, orderId)).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "PCHK000");
    }

    @Test
    void faultsNeverReachAnotherPartnerChargingAtTheSameTime() throws Exception {
        Shop armed = newShop();
        Shop other = newShop();
        String armedKey = armed.payple().registerCard(PaypleTestClient.CARD);
        String otherKey = other.payple().registerCard(PaypleTestClient.CARD);
        assertThat(arm(armed, "{\"outcome\":\"DECLINE\",\"count\":5}").statusCode()).isEqualTo(201);

        List<CompletableFuture<Map<String, String>>> charges = List.of(
                CompletableFuture
                    .supplyAsync(() -> other.payple().chargeCard(otherKey, PaypleTestClient.uniqueOrderId("p"), 1000)),
                CompletableFuture
                    .supplyAsync(() -> armed.payple().chargeCard(armedKey, PaypleTestClient.uniqueOrderId("p"), 1000)),
                CompletableFuture
                    .supplyAsync(() -> other.payple().chargeCard(otherKey, PaypleTestClient.uniqueOrderId("p"), 1000)));
        assertThat(charges.get(0).join()).containsEntry("PCD_PAY_RST", "success");
        assertThat(charges.get(1).join()).containsEntry("PCD_PAY_RST", "error");
        assertThat(charges.get(2).join()).containsEntry("PCD_PAY_RST", "success");
        assertThat(send("GET", "/v1/test/faults", armed.basic(), null).body()).contains("\"remaining\":4");
        assertThat(send("GET", "/v1/test/faults", other.basic(), null).body()).isEqualTo("{\"faults\":[]}");
        assertThat(send("DELETE", "/v1/test/faults", armed.basic(), null).body()).isEqualTo("{\"disarmed\":1}");
        assertThat(armed.payple().chargeCard(armedKey, PaypleTestClient.uniqueOrderId("p"), 1000))
            .containsEntry("PCD_PAY_RST", "success");
    }

    @Test
    void badFaultsAndLivePartnersAreRefusedWithNothingArmed() throws Exception {
        Shop shop = newShop();
        for (String bad : List.of("{}", "{\"outcome\":\"EXPLODE\"}", "{\"outcome\":\"DECLINE\",\"count\":-1}",
                "{\"outcome\":\"DECLINE\",\"count\":0}", "{\"outcome\":\"APPROVE\",\"declineReason\":\"GENERIC\"}",
                "{\"outcome\":\"DECLINE\",\"declineReason\":\"BORED\"}",
                "{\"outcome\":\"DECLINE\",\"billingKey\":\"no-such-key\"}")) {
            HttpResponse<String> refused = arm(shop, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        }
        // Another partner's billing key is not this partner's.
        Shop other = newShop();
        String otherKey = other.payple().registerCard(PaypleTestClient.CARD);
        assertThat(arm(shop, "{\"outcome\":\"DECLINE\",\"billingKey\":\"" + otherKey + "\"}").body())
            .contains("unknown-billing-key");
        assertThat(send("GET", "/v1/test/faults", shop.basic(), null).body()).isEqualTo("{\"faults\":[]}");

        String live = PaypleTestClient.basic("strict", "strict-secret-0123456789");
        HttpResponse<String> forbidden = send("POST", "/v1/test/faults", live, "{\"outcome\":\"DECLINE\"}");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("live-partner");
        assertThat(send("POST", "/v1/test/settle", live, null).statusCode()).isEqualTo(403);
    }

}
