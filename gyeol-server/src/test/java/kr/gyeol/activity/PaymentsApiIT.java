package kr.gyeol.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TestKitCalls;
import kr.gyeol.support.WebhookReceiver;
import kr.gyeol.webhook.WebhookDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v1/payments}: a partner's latest payments, and one payment's history with its
 * refunds and its webhooks, every attempt included, by order id or payment id.
 */
class PaymentsApiIT extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private WebhookDispatcher dispatcher;

    private Map<String, Object> get(String basic, String path, int status) throws Exception {
        HttpResponse<String> answer = TestKitCalls.send(this.payple.baseUrl(), "GET", path, basic, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JSON.readValue(answer.body(), new TypeReference<Map<String, Object>>() {
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPaymentsHistoryHoldsItsRefundsAndEveryAttemptOfItsWebhooks() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            Map<String, Object> partner = TestKitCalls.newPartner(this.payple.baseUrl(),
                    "{\"webhookUrl\":\"" + receiver.url("/hook") + "\"}");
            String id = (String) partner.get("cstId");
            String basic = PaypleTestClient.basic(id, (String) partner.get("custKey"));
            PaypleTestClient shop = new PaypleTestClient(this.payple.baseUrl(), id, (String) partner.get("custKey"));
            String key = shop.registerCard(PaypleTestClient.CARD);
            // The first payment's event fails its first attempt (without a POST).
            assertThat(TestKitCalls
                .send(this.payple.baseUrl(), "POST", "/v1/test/webhook-faults", basic,
                        "{\"kind\":\"FAIL\",\"eventType\":\"PAYMENT\",\"failures\":1,\"delayMs\":1000}")
                .statusCode()).isEqualTo(201);
            String first = PaypleTestClient.uniqueOrderId("hist");
            String second = PaypleTestClient.uniqueOrderId("hist");
            assertThat(shop.chargeCard(key, first, 12_000)).containsEntry("PCD_PAY_RST", "success");
            assertThat(shop.chargeCard(key, second, 3_000)).containsEntry("PCD_PAY_RST", "success");
            Map<String, Object> refund = new LinkedHashMap<>();
            refund.put("PCD_REFUND_KEY", partner.get("refundKey"));
            refund.put("PCD_PAYCANCEL_FLAG", "Y");
            refund.put("PCD_PAY_OID", first);
            refund.put("PCD_PAY_DATE", KoreanTime.date(this.clock.instant()));
            refund.put("PCD_REFUND_TOTAL", "2000");
            assertThat(shop.call(Map.of("PCD_PAYCANCEL_FLAG", "Y"), refund)).containsEntry("PCD_PAY_RST", "success");
            this.dispatcher.deliverDue();
            this.clock.advance(Duration.ofSeconds(1));
            this.dispatcher.deliverDue();

            // The latest, newest first; numbers only masked.
            Map<String, Object> latest = get(basic, "/v1/payments?limit=10", 200);
            List<Map<String, Object>> payments = (List<Map<String, Object>>) latest.get("payments");
            assertThat(payments).extracting((payment) -> payment.get("orderId")).containsExactly(second, first);
            assertThat(payments.get(1)).containsEntry("status", "APPROVED")
                .containsEntry("amount", 12_000)
                .containsEntry("currency", "KRW")
                .containsEntry("instrument", "CARD");
            assertThat(latest.toString()).doesNotContain(PaypleTestClient.CARD).doesNotContain(key);
            assertThat((List<?>) get(basic, "/v1/payments?limit=1", 200).get("payments")).hasSize(1);
            assertThat((List<?>) get(basic, "/v1/payments?status=DECLINED", 200).get("payments")).isEmpty();

            Map<String, Object> history = get(basic, "/v1/payments/" + first, 200);
            Map<String, Object> payment = (Map<String, Object>) history.get("payment");
            assertThat(payment).containsEntry("orderId", first).containsEntry("status", "APPROVED");
            assertThat(history).containsEntry("refundable", 10_000);
            assertThat((List<Map<String, Object>>) history.get("refunds")).singleElement()
                .satisfies((one) -> assertThat(one).containsEntry("status", "APPROVED").containsEntry("amount", 2_000));
            List<Map<String, Object>> webhooks = (List<Map<String, Object>>) history.get("webhooks");
            assertThat(webhooks).extracting((event) -> event.get("type")).containsExactly("PAYMENT", "CANCEL");
            assertThat(webhooks).allSatisfy((event) -> assertThat(event).containsEntry("status", "DELIVERED"));
            // The payment's event met the fault: a failed attempt, then the receiver's
            // 200.
            List<Map<String, Object>> attempts = (List<Map<String, Object>>) webhooks.get(0).get("attempts");
            assertThat(attempts).extracting((attempt) -> attempt.get("statusCode")).containsExactly(null, 200);
            assertThat(attempts.get(0).get("error")).asString().startsWith("test fault");
            // By Gyeol's payment id, the same history.
            assertThat(get(basic, "/v1/payments/" + payment.get("id"), 200)).isEqualTo(history);
            assertThat(history.toString()).doesNotContain(PaypleTestClient.CARD).doesNotContain(key);

            // Not this partner's, or no such payment: a 404 problem.
            assertThat(get(PaypleTestClient.BASIC, "/v1/payments/" + first, 404)).containsEntry("code",
                    "no-such-payment");
            assertThat(get(basic, "/v1/payments/no-such-order", 404)).containsEntry("code", "no-such-payment");
            assertThat(get(basic, "/v1/payments?status=NOPE", 400)).containsKey("code");
        }
    }

}
