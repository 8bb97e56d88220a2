package kr.gyeol.isolation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.gyeol.client.Billing;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.PlanRequest;
import kr.gyeol.client.Subscription;
import kr.gyeol.client.SubscriptionRequest;
import kr.gyeol.client.TestClock;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.web.JsonApi;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner isolation, enumerated: partner {@code other} tries every JSON route that takes
 * an id with {@code test}'s ids (a route without an entry here fails the test), every
 * list for {@code test}'s ids, and every Payple operation that names a billing key or an
 * order with {@code test}'s; each answers as if the id did not exist, and nothing of
 * {@code test}'s changes.
 */
class PartnerIsolationIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String OTHER = "Basic "
            + Base64.getEncoder().encodeToString("other:other-secret-0123456789".getBytes(StandardCharsets.UTF_8));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> json(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + path))
            .header("Authorization", OTHER)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String snapshotOfTest() {
        return this.jdbc
            .sql("""
                    SELECT (SELECT string_agg(id || status, ',' ORDER BY id) FROM payments WHERE partner_id = 'test') || '|'
                        || (SELECT string_agg(id || status, ',' ORDER BY id) FROM billing_keys WHERE partner_id = 'test') || '|'
                        || (SELECT count(*) FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.partner_id = 'test') || '|'
                        || (SELECT count(*) FROM cash_receipts) || '|'
                        || (SELECT string_agg(id || status || plan_id || billing_key_id, ',' ORDER BY id) FROM subscriptions
                            WHERE partner_id = 'test') || '|'
                        || (SELECT string_agg(id || CAST(frozen_at AS TEXT), ',' ORDER BY id) FROM test_clocks
                            WHERE partner_id = 'test')
                    """)
            .query(String.class)
            .single();
    }

    @Test
    void anotherPartnerReachesNothingOfThisPartnersThroughAnyRoute() throws Exception {
        // What partner test has: a key, a payment, a plan, a clock, a subscription,
        // events.
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("iso");
        assertThat(this.payple.chargeCard(key, orderId, 5_000)).containsEntry("PCD_PAY_RST", "success");
        Billing billing = GyeolClient.builder()
            .hosts(Hosts.gyeol(this.payple.baseUrl()))
            .partner(PaypleTestClient.PARTNER, PaypleTestClient.SECRET)
            .build()
            .billing();
        String plan = billing.createPlan(PlanRequest.monthly("격리", 1_000)).id();
        TestClock clock = billing.createTestClock("iso", Instant.parse("2025-01-01T00:00:00Z"));
        Subscription subscription = billing.subscribe(
                SubscriptionRequest.of(plan, this.payple.registerCard(PaypleTestClient.CARD)).onTestClock(clock.id()));
        String event = this.jdbc.sql("SELECT id FROM subscription_events WHERE subscription_id = :id LIMIT 1")
            .param("id", subscription.id())
            .query(String.class)
            .single();
        String before = snapshotOfTest();

        // Every JSON route with an id, by its path; a new one fails here until listed.
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("/v1/plans/{id}", plan);
        ids.put("/v1/subscriptions/{id}", subscription.id());
        ids.put("/v1/subscriptions/{id}/cancel", subscription.id());
        ids.put("/v1/subscriptions/{id}/pause", subscription.id());
        ids.put("/v1/subscriptions/{id}/resume", subscription.id());
        ids.put("/v1/subscriptions/{id}/plan", subscription.id());
        ids.put("/v1/subscriptions/{id}/billing-key", subscription.id());
        ids.put("/v1/subscriptions/{id}/invoices", subscription.id());
        ids.put("/v1/subscriptions/{id}/events", subscription.id());
        ids.put("/v1/test-clocks/{id}", clock.id());
        ids.put("/v1/test-clocks/{id}/advance", clock.id());
        ids.put("/admin/webhooks/events/{id}/replay", event);
        ids.put("/v1/listen/{id}/delivered", event);
        ids.put("/v1/payments/{id}", orderId);
        List<String> tried = new ArrayList<>();
        this.mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().isAnnotationPresent(JsonApi.class)) {
                return;
            }
            for (String path : info.getPatternValues()) {
                if (!path.contains("{")) {
                    continue;
                }
                assertThat(ids).as("an id of partner test for %s", path).containsKey(path);
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    tried.add(method + " " + path);
                }
            }
        });
        for (String route : tried) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            String body = "{\"planId\":\"" + plan + "\",\"billingKey\":\"" + key
                    + "\",\"frozenTime\":\"2026-01-01T00:00:00Z\",\"atPeriodEnd\":false}";
            HttpResponse<String> answer = json(method, pattern.replace("{id}", ids.get(pattern)), body);
            assertThat(answer.statusCode()).as(route + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.body()).as(route).contains("\"code\":\"no-such-");
        }
        assertThat(tried).hasSizeGreaterThanOrEqualTo(12);

        // Lists of the other partner name none of test's ids.
        for (String list : List.of("/v1/plans", "/v1/subscriptions", "/v1/test-clocks", "/admin/webhooks/events",
                "/admin/webhooks", "/v1/billing-settings", "/v1/listen", "/v1/listen?after=%5E", "/v1/payments")) {
            HttpResponse<String> answer = json("GET", list, "");
            assertThat(answer.statusCode()).as(list).isEqualTo(200);
            assertThat(answer.body()).as(list)
                .doesNotContain(plan)
                .doesNotContain(subscription.id())
                .doesNotContain(clock.id())
                .doesNotContain(event)
                .doesNotContain(orderId)
                .doesNotContain(key);
        }
        // Subscribing test's key, or to test's plan, as other.
        assertThat(json("POST", "/v1/subscriptions", "{\"planId\":\"" + plan + "\",\"billingKey\":\"" + key + "\"}")
            .body()).contains("no-such-");

        // Every Payple operation that names test's key or order, as other.
        PaypleTestClient other = new PaypleTestClient(this.payple.baseUrl(), "other", "other-secret-0123456789");
        String today = KoreanTime.date(this.clock.instant());
        assertThat(other.chargeCard(key, null, 1_000)).containsEntry("PCD_PAY_RST", "error");
        Map<String, Object> monthly = new LinkedHashMap<>();
        monthly.put("PCD_PAY_TYPE", "card");
        monthly.put("PCD_PAYER_ID", key);
        monthly.put("PCD_PAY_GOODS", "월");
        monthly.put("PCD_PAY_TOTAL", "1000");
        monthly.put("PCD_REGULER_FLAG", "Y");
        monthly.put("PCD_PAY_YEAR", "2026");
        monthly.put("PCD_PAY_MONTH", "12");
        assertThat(other.call(Map.of("PCD_PAY_TYPE", "card", "PCD_REGULER_FLAG", "Y"), monthly))
            .containsEntry("PCD_PAY_RST", "error");
        assertThat(other.call(Map.of("PCD_PAY_WORK", "PUSERINFO"), Map.of("PCD_PAYER_ID", key)))
            .containsEntry("PCD_PAY_RST", "error");
        assertThat(other.call(Map.of("PCD_PAY_WORK", "PUSERDEL"), Map.of("PCD_PAYER_ID", key)))
            .containsEntry("PCD_PAY_RST", "error");
        assertThat(other.call(Map.of("PCD_PAYCHK_FLAG", "Y"), Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE", today)))
            .containsEntry("PCD_PAY_RST", "error");
        assertThat(other.refund(orderId, today, 1_000)).containsEntry("PCD_PAY_RST", "error");
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("PCD_PAY_WORK", "TSREG");
        receipt.put("PCD_PAY_OID", orderId);
        assertThat(other.call(Map.of("PCD_PAY_WORK", "TSREG"), receipt)).containsEntry("PCD_PAY_RST", "error");
        receipt.put("PCD_PAY_WORK", "TSCANCEL");
        assertThat(other.call(Map.of("PCD_PAY_WORK", "TSCANCEL"), receipt)).containsEntry("PCD_PAY_RST", "error");

        assertThat(snapshotOfTest()).as("nothing of partner test changed").isEqualTo(before);
    }

}
