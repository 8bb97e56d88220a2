package kr.gyeol.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhooks go out as their charges commit, with no poll to wait for (the scheduled round
 * runs hourly here): a commit wakes this node's dispatcher, a lane per partner keeps its
 * receiver's sends going, and under concurrent charges every event arrives exactly once
 * and none is left pending.
 */
@DirtiesContext
@TestPropertySource(properties = "gyeol.test.wake-on-commit=true")
class WebhookLanesIT extends GatewayTest {

    private static final String OTHER_SECRET = "other-secret-0123456789";

    @Autowired
    JdbcClient jdbc;

    private void configure(String url) throws Exception {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("other:" + OTHER_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/admin/webhooks"))
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers
                    .ofString(url == null ? "{}" : "{\"resultUrl\":\"" + url + "\",\"format\":\"JSON\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void everyChargesWebhookArrivesOnceWithoutAPoll() throws Exception {
        PaypleTestClient other = new PaypleTestClient(payple.baseUrl(), "other", OTHER_SECRET);
        String key = other.registerCard(PaypleTestClient.CARD);
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            configure(receiver.url("/hook"));
            int charges = 120;
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<String>> orders = new ArrayList<>();
            for (int i = 0; i < charges; i++) {
                orders.add(clients.submit(() -> {
                    String orderId = PaypleTestClient.uniqueOrderId("lane");
                    assertThat(other.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_CODE", "SPCD0000");
                    return orderId;
                }));
            }
            for (Future<String> order : orders) {
                order.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
            await("every webhook delivered").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> receiver.all().stream().map(WebhookReceiver.Received::id).distinct().count() >= charges);
            Map<String, Long> byId = receiver.all()
                .stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
            assertThat(byId).hasSize(charges);
            assertThat(byId.values()).as("each event id once").allMatch((count) -> count == 1);
            assertThat(this.jdbc
                .sql("SELECT count(*) FROM webhook_events WHERE partner_id = 'other' AND status <> 'DELIVERED'")
                .query(Long.class)
                .single()).isZero();
        }
        finally {
            configure(null);
        }
    }

}
