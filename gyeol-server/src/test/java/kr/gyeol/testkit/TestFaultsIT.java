package kr.gyeol.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TestKitCalls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Faults a test arms for its own partner ({@code /v1/test/faults}) and settling its
 * unknowns now ({@code /v1/test/settle}): deterministic, one charge each, never another
 * partner's, refused for a live partner and for bad input.
 */
class TestFaultsIT extends GatewayTest {

    @Autowired
    private JdbcClient jdbc;

    /** A partner of its own, made by the test kit, and a Payple client of it. */
    private record Shop(String id, String key, String refundKey, PaypleTestClient payple) {

        String basic() {
            return PaypleTestClient.basic(this.id, this.key);
        }

    }

    private Shop newShop() throws Exception {
        Map<String, Object> partner = TestKitCalls.newPartner(this.payple.baseUrl(), "{}");
        String id = (String) partner.get("cstId");
        String key = (String) partner.get("custKey");
        return new Shop(id, key, (String) partner.get("refundKey"),
                new PaypleTestClient(this.payple.baseUrl(), id, key));
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        return TestKitCalls.send(this.payple.baseUrl(), method, path, authorization, body);
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

    private Map<String, String> refund(Shop shop, String orderId, long amount) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("PCD_REFUND_KEY", shop.refundKey());
        body.put("PCD_PAYCANCEL_FLAG", "Y");
        body.put("PCD_PAY_OID", orderId);
        body.put("PCD_PAY_DATE", KoreanTime.date(this.clock.instant()));
        body.put("PCD_REFUND_TOTAL", String.valueOf(amount));
        return shop.payple().call(Map.of("PCD_PAYCANCEL_FLAG", "Y"), body);
    }

    private Map<String, String> registerCard(Shop shop, String cardNumber) {
        return shop.payple()
            .call(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_WORK", "AUTHREG"), PaypleTestClient.card(cardNumber));
    }

    @Test
    void refundFaultsDeclineOrLoseTheCancelOfTheirKeyAndSettleAsArmed() throws Exception {
        Shop shop = newShop();
        String key = shop.payple().registerCard(PaypleTestClient.CARD);
        String other = shop.payple().registerCard(PaypleTestClient.CARD);
        String paid = PaypleTestClient.uniqueOrderId("r");
        String otherPaid = PaypleTestClient.uniqueOrderId("r");
        assertThat(shop.payple().chargeCard(key, paid, 5000)).containsEntry("PCD_PAY_RST", "success");
        assertThat(shop.payple().chargeCard(other, otherPaid, 5000)).containsEntry("PCD_PAY_RST", "success");
        HttpResponse<String> armed = arm(shop,
                "{\"operation\":\"REFUND\",\"billingKey\":\"" + key + "\",\"outcome\":\"DECLINE\"}");
        assertThat(armed.statusCode()).as(armed.body()).isEqualTo(201);
        assertThat(armed.body()).contains("\"operation\":\"REFUND\"");
        // A charge is not a refund: the key's next charge is the network's own.
        assertThat(shop.payple().chargeCard(key, PaypleTestClient.uniqueOrderId("r"), 1000))
            .containsEntry("PCD_PAY_RST", "success");
        // Nor is another key's refund.
        assertThat(refund(shop, otherPaid, 1000)).containsEntry("PCD_PAY_RST", "success");
        assertThat(refund(shop, paid, 1000)).containsEntry("PCD_PAY_RST", "error");
        // Used up: the same refund goes through now, the whole amount still refundable.
        assertThat(refund(shop, paid, 5000)).containsEntry("PCD_PAY_RST", "success");

        String lost = PaypleTestClient.uniqueOrderId("r");
        assertThat(shop.payple().chargeCard(key, lost, 3000)).containsEntry("PCD_PAY_RST", "success");
        assertThat(arm(shop, "{\"operation\":\"refund\",\"outcome\":\"TIMEOUT_THEN_APPROVE\"}").statusCode())
            .isEqualTo(201);
        assertThat(refund(shop, lost, 3000)).containsEntry("PCD_PAY_CODE", "PAYC0012");
        assertThat(send("POST", "/v1/test/settle", shop.basic(), null).statusCode()).isEqualTo(200);
        // Settled as refunded: nothing is left to refund.
        assertThat(refund(shop, lost, 1)).containsEntry("PCD_PAY_RST", "error");
        assertThat(lookup(shop, lost)).containsEntry("PCD_PAY_RST", "success");
    }

    @Test
    void registrationAndChargeFaultsSelectACardByItsNumberWithoutKeepingIt() throws Exception {
        Shop shop = newShop();
        String card = "5555555555554444";
        HttpResponse<String> armed = arm(shop, "{\"operation\":\"REGISTRATION\",\"cardNumber\":\"5555-5555-5555-4444\","
                + "\"outcome\":\"DECLINE\",\"declineReason\":\"INVALID_CARD\"}");
        assertThat(armed.statusCode()).as(armed.body()).isEqualTo(201);
        assertThat(armed.body()).contains("\"cardNumber\":\"5555-****-****-4444\"").doesNotContain(card);
        assertThat(send("GET", "/v1/test/faults", shop.basic(), null).body()).doesNotContain(card);
        assertThat(this.jdbc.sql("SELECT card_digest || ' ' || card_masked FROM test_faults WHERE partner_id = :id")
            .param("id", shop.id())
            .query(String.class)
            .list()).singleElement().asString().doesNotContain(card).contains("5555-****-****-4444");

        // Another card registers; this one is refused once, then registers.
        assertThat(shop.payple().registerCard(PaypleTestClient.CARD)).isNotBlank();
        assertThat(registerCard(shop, card)).containsEntry("PCD_PAY_RST", "error");
        String first = shop.payple().registerCard(card);
        String second = shop.payple().registerCard(card);
        String visa = shop.payple().registerCard(PaypleTestClient.CARD);

        // A charge fault for the card takes either of its keys, never another card's.
        assertThat(arm(shop, "{\"cardNumber\":\"" + card + "\",\"outcome\":\"DECLINE\",\"count\":2}").statusCode())
            .isEqualTo(201);
        assertThat(shop.payple().chargeCard(visa, PaypleTestClient.uniqueOrderId("c"), 1000))
            .containsEntry("PCD_PAY_RST", "success");
        assertThat(shop.payple().chargeCard(second, PaypleTestClient.uniqueOrderId("c"), 1000))
            .containsEntry("PCD_PAY_RST", "error");
        assertThat(shop.payple().chargeCard(first, PaypleTestClient.uniqueOrderId("c"), 1000))
            .containsEntry("PCD_PAY_RST", "error");
        assertThat(shop.payple().chargeCard(first, PaypleTestClient.uniqueOrderId("c"), 1000))
            .containsEntry("PCD_PAY_RST", "success");

        // Another partner registering the same card meets no fault.
        Shop other = newShop();
        assertThat(arm(shop, "{\"operation\":\"REGISTRATION\",\"cardNumber\":\"" + card + "\",\"outcome\":\"DECLINE\"}")
            .statusCode()).isEqualTo(201);
        assertThat(other.payple().registerCard(card)).isNotBlank();
        assertThat(registerCard(shop, card)).containsEntry("PCD_PAY_RST", "error");
    }

    @Test
    void badFaultsAndLivePartnersAreRefusedWithNothingArmed() throws Exception {
        Shop shop = newShop();
        for (String bad : List.of("{}", "{\"outcome\":\"EXPLODE\"}", "{\"outcome\":\"DECLINE\",\"count\":-1}",
                "{\"outcome\":\"DECLINE\",\"count\":0}", "{\"outcome\":\"APPROVE\",\"declineReason\":\"GENERIC\"}",
                "{\"outcome\":\"DECLINE\",\"declineReason\":\"BORED\"}",
                "{\"outcome\":\"DECLINE\",\"billingKey\":\"no-such-key\"}",
                "{\"operation\":\"PAYOUT\",\"outcome\":\"DECLINE\"}",
                "{\"operation\":\"REGISTRATION\",\"outcome\":\"TIMEOUT_THEN_APPROVE\"}",
                "{\"operation\":\"REGISTRATION\",\"outcome\":\"DECLINE\",\"billingKey\":\"any\"}",
                "{\"operation\":\"REFUND\",\"outcome\":\"DECLINE\",\"cardNumber\":\"4242424242424242\"}",
                "{\"outcome\":\"DECLINE\",\"cardNumber\":\"4242\"}",
                "{\"outcome\":\"DECLINE\",\"cardNumber\":\"4242x24242424242\"}",
                "{\"outcome\":\"DECLINE\",\"cardNumber\":\"4242424242424242\",\"billingKey\":\"k\"}")) {
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
