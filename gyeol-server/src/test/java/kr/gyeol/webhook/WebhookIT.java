package kr.gyeol.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.WebhookReceiver;
import kr.gyeol.client.Billing;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.TestClock;
import kr.gyeol.client.PlanRequest;
import kr.gyeol.client.Subscription;
import kr.gyeol.client.SubscriptionRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end in one gateway: receivers set through the admin API, events written
 * with the changes they report, delivery with retries on the schedule (driven by the test
 * clock), Standard Webhooks signatures checked by an implementation of the test's own,
 * the delivery log and replay.
 */
class WebhookIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BASIC = PaypleTestClient.BASIC;

    @Autowired
    WebhookDispatcher dispatcher;

    private HttpResponse<String> admin(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create(this.payple.baseUrl() + "/admin/webhooks" + path))
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> configure(String resultUrl, String revocationUrl, String format) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>();
        settings.put("resultUrl", resultUrl);
        settings.put("revocationUrl", revocationUrl);
        settings.put("format", format);
        HttpResponse<String> response = admin("PUT", "", JSON.writeValueAsString(settings), BASIC);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
        });
    }

    @AfterEach
    void removeReceivers() throws Exception {
        assertThat(admin("PUT", "", "{}", BASIC).statusCode()).isEqualTo(200);
    }

    private static Map<String, String> json(String body) {
        return JSON.readValue(body, new TypeReference<Map<String, String>>() {
        });
    }

    /** Standard Webhooks verification, written here apart from the gateway's signer. */
    private static boolean verifies(String secret, WebhookReceiver.Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder()
            .encodeToString(mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                .getBytes(StandardCharsets.UTF_8)));
        return List.of(request.signature().split(" ")).contains(expected);
    }

    @Test
    void aFailingReceiverGetsTheEventOnTheAttemptAfterItsFailuresOnTheSchedule() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(3)) {
            Map<String, Object> settings = configure(receiver.url("/hook"), receiver.url("/revoked"), "JSON");
            String key = this.payple.registerCard(PaypleTestClient.CARD);
            String orderId = PaypleTestClient.uniqueOrderId("hook");
            assertThat(this.payple.chargeCard(key, orderId, 10_000)).containsEntry("PCD_PAY_RST", "success");
            String marker = "\"PCD_PAY_OID\":\"" + orderId + "\"";

            this.dispatcher.deliverDue();
            assertThat(receiver.containing(marker)).hasSize(1);
            this.dispatcher.deliverDue();
            this.clock.advance(Duration.ofSeconds(50));
            this.dispatcher.deliverDue();
            // Not yet: the first wait is a minute, ±10 %.
            assertThat(receiver.containing(marker)).hasSize(1);
            this.clock.advance(Duration.ofSeconds(17));
            this.dispatcher.deliverDue();
            assertThat(receiver.containing(marker)).hasSize(2);
            this.clock.advance(Duration.ofMinutes(3));
            this.dispatcher.deliverDue();
            assertThat(receiver.containing(marker)).hasSize(2);
            this.clock.advance(Duration.ofSeconds(85));
            this.dispatcher.deliverDue();
            assertThat(receiver.containing(marker)).hasSize(3);
            this.clock.advance(Duration.ofMinutes(18));
            this.dispatcher.deliverDue();
            List<WebhookReceiver.Received> requests = receiver.containing(marker);
            assertThat(requests).hasSize(4);
            assertThat(requests).extracting(WebhookReceiver.Received::answered).containsExactly(500, 500, 500, 200);
            // One event: the same id and body every time, each attempt signed anew.
            assertThat(requests).extracting(WebhookReceiver.Received::id).containsOnly(requests.get(0).id());
            assertThat(requests).extracting(WebhookReceiver.Received::body).containsOnly(requests.get(0).body());
            for (WebhookReceiver.Received request : requests) {
                assertThat(verifies((String) settings.get("secret"), request)).isTrue();
            }
            this.clock.advance(Duration.ofHours(2));
            this.dispatcher.deliverDue();
            assertThat(receiver.containing(marker)).hasSize(4);

            Map<String, String> body = json(requests.get(0).body());
            assertThat(body).containsEntry("PCD_CST_ID", "test")
                .containsEntry("PCD_PAY_RST", "success")
                .containsEntry("PCD_PAY_TYPE", "card")
                .containsEntry("PCD_PAYER_ID", key)
                .containsEntry("PCD_PAY_TOTAL", "10000")
                .containsEntry("PCD_PAY_CARDNUM", "4242-****-****-4242");
            assertThat(requests.get(0).contentType()).startsWith("application/json");

            // The delivery log shows every attempt.
            Map<String, Object> log = JSON.readValue(admin("GET", "/events?limit=200", null, BASIC).body(),
                    new TypeReference<Map<String, Object>>() {
                    });
            @SuppressWarnings("unchecked")
            Map<String, Object> event = ((List<Map<String, Object>>) log.get("events")).stream()
                .filter((candidate) -> requests.get(0).id().equals(candidate.get("id")))
                .findFirst()
                .orElseThrow();
            assertThat(event).containsEntry("status", "DELIVERED")
                .containsEntry("type", "PAYMENT")
                .containsEntry("attempts", 4);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> deliveries = (List<Map<String, Object>>) event.get("deliveries");
            assertThat(deliveries).extracting((delivery) -> delivery.get("statusCode"))
                .containsExactly(500, 500, 500, 200);
        }
    }

    @Test
    void registrationRefundAndRevocationAreReportedToTheirReceivers() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            configure(receiver.url("/hook"), receiver.url("/revoked"), "JSON");
            String key = this.payple.registerCard(PaypleTestClient.CARD);
            String orderId = PaypleTestClient.uniqueOrderId("hook");
            this.payple.chargeCard(key, orderId, 10_000);
            assertThat(this.payple.refund(orderId, KoreanTime.date(this.clock.instant()), 3_000))
                .containsEntry("PCD_PAY_RST", "success");
            assertThat(this.payple.call(Map.of("PCD_PAY_WORK", "PUSERDEL"), Map.of("PCD_PAYER_ID", key)))
                .containsEntry("PCD_PAY_RST", "success");
            this.dispatcher.deliverDue();

            List<Map<String, String>> aboutKey = receiver.containing(key)
                .stream()
                .map((request) -> json(request.body()))
                .toList();
            assertThat(aboutKey).extracting((body) -> body.get("PCD_PAY_WORK") + "/" + body.get("PCD_PAYCANCEL_FLAG"))
                .containsExactlyInAnyOrder("AUTH/null", "null/null", "null/Y", "PUSERDEL/null");
            Map<String, String> cancel = aboutKey.stream()
                .filter((body) -> "Y".equals(body.get("PCD_PAYCANCEL_FLAG")))
                .findFirst()
                .orElseThrow();
            assertThat(cancel).containsEntry("PCD_REFUND_TOTAL", "3000").containsEntry("PCD_PAY_OID", orderId);
            assertThat(cancel.get("PCD_REFUND_TIME")).matches("[0-9]{14}");
            assertThat(receiver.all().stream().filter((request) -> request.body().contains("PUSERDEL")))
                .allSatisfy((request) -> assertThat(request.body()).contains(key));
            assertThat(receiver.containing("PUSERDEL")).isNotEmpty();
        }
    }

    @Test
    void aGivenUpEventIsDeliveredWhenReplayed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(8)) {
            configure(receiver.url("/hook"), null, "FORM");
            String key = this.payple.registerCard(PaypleTestClient.CARD);
            String marker = "PCD_PAYER_ID=" + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8);
            for (int attempt = 0; attempt < 8; attempt++) {
                this.dispatcher.deliverDue();
                this.clock.advance(Duration.ofMinutes(4096 + 500));
            }
            List<WebhookReceiver.Received> tries = receiver.containing(marker);
            assertThat(tries).hasSize(8);
            assertThat(tries.get(0).contentType()).startsWith("application/x-www-form-urlencoded");
            String eventId = tries.get(0).id();
            this.dispatcher.deliverDue();
            assertThat(receiver.containing(marker)).hasSize(8);

            assertThat(admin("POST", "/events/" + eventId + "/replay", null, BASIC).statusCode()).isEqualTo(202);
            this.dispatcher.deliverDue();
            List<WebhookReceiver.Received> all = receiver.containing(marker);
            assertThat(all).hasSize(9);
            assertThat(all.get(8).answered()).isEqualTo(200);
            assertThat(all.get(8).id()).isEqualTo(eventId);
            assertThat(admin("POST", "/events/evt_none/replay", null, BASIC).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theAdminApiNeedsThePartnersCredentialsAndValidUrls() throws Exception {
        assertThat(admin("GET", "", null, null).statusCode()).isEqualTo(401);
        String wrong = "Basic " + Base64.getEncoder().encodeToString("test:wrong".getBytes(StandardCharsets.UTF_8));
        assertThat(admin("GET", "", null, wrong).statusCode()).isEqualTo(401);
        assertThat(admin("PUT", "", "{\"resultUrl\":\"ftp://example.com/x\"}", BASIC).statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "", "{\"resultUrl\":\"/relative\"}", BASIC).statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "", "{\"format\":\"XML\"}", BASIC).statusCode()).isEqualTo(400);
        Map<String, Object> first = configure("http://localhost:1/hook", null, "JSON");
        assertThat((String) first.get("secret")).startsWith("whsec_");
        Map<String, Object> again = configure("http://localhost:2/hook", null, "JSON");
        assertThat(again.get("secret")).isEqualTo(first.get("secret"));
        Map<String, Object> rotated = JSON.readValue(admin("POST", "/secret", null, BASIC).body(),
                new TypeReference<Map<String, Object>>() {
                });
        assertThat(rotated.get("secret")).isNotEqualTo(first.get("secret"));
        assertThat(rotated).containsEntry("resultUrl", "http://localhost:2/hook");
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneForItsOverlapThenNoMore() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String old = (String) configure(receiver.url("/hook"), null, "JSON").get("secret");
            HttpResponse<String> answer = admin("POST", "/secret", null, BASIC);
            assertThat(answer.statusCode()).isEqualTo(200);
            Map<String, Object> rotated = JSON.readValue(answer.body(), new TypeReference<Map<String, Object>>() {
            });
            String current = (String) rotated.get("secret");
            assertThat(current).isNotEqualTo(old);
            assertThat(rotated).containsEntry("previousSecretSigns", true);

            // Within the overlap a delivery carries both signatures: either secret
            // verifies.
            String key = this.payple.registerCard(PaypleTestClient.CARD);
            this.dispatcher.deliverDue();
            WebhookReceiver.Received during = receiver.containing(key).getFirst();
            assertThat(during.signature().split(" ")).hasSize(2);
            assertThat(verifies(current, during)).isTrue();
            assertThat(verifies(old, during)).isTrue();

            // Past the overlap (24 h by default) only the new secret signs.
            this.clock.advance(Duration.ofHours(24).plusSeconds(1));
            String later = PaypleTestClient.uniqueOrderId("overlap");
            assertThat(this.payple.chargeCard(key, later, 1000)).containsEntry("PCD_PAY_RST", "success");
            this.dispatcher.deliverDue();
            WebhookReceiver.Received after = receiver.containing(later).getFirst();
            assertThat(after.signature().split(" ")).hasSize(1);
            assertThat(verifies(current, after)).isTrue();
            assertThat(verifies(old, after)).isFalse();

            // A rotation with no overlap retires the secret at once; a bad overlap is
            // refused.
            assertThat(admin("POST", "/secret?overlap=forever", null, BASIC).statusCode()).isEqualTo(400);
            String next = (String) JSON.readValue(admin("POST", "/secret?overlap=0", null, BASIC).body(),
                    new TypeReference<Map<String, Object>>() {
                    })
                .get("secret");
            String last = PaypleTestClient.uniqueOrderId("retired");
            assertThat(this.payple.chargeCard(key, last, 1000)).containsEntry("PCD_PAY_RST", "success");
            this.dispatcher.deliverDue();
            WebhookReceiver.Received retired = receiver.containing(last).getFirst();
            assertThat(retired.signature().split(" ")).hasSize(1);
            assertThat(verifies(next, retired)).isTrue();
            assertThat(verifies(current, retired)).isFalse();
        }
    }

    @Autowired
    WebhookEndpoints endpoints;

    @Autowired
    kr.gyeol.shared.Outbox outbox;

    @Autowired
    org.springframework.transaction.support.TransactionOperations transactions;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aLivePartnersReceiverOnALoopbackOrPrivateAddressIsRefusedWhenSetAndBeforeEveryDelivery() throws Exception {
        String strict = "Basic " + Base64.getEncoder()
            .encodeToString("strict:strict-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            for (String url : List.of(receiver.url("/hook"), "http://169.254.169.254/latest/meta-data",
                    "http://10.0.0.7/hook", "http://localhost:1/hook")) {
                HttpResponse<String> refused = admin("PUT", "", JSON.writeValueAsString(Map.of("resultUrl", url)),
                        strict);
                assertThat(refused.statusCode()).as(url).isEqualTo(400);
                assertThat(refused.body()).contains("invalid-settings");
            }
            // Set behind the API's back (a name that resolved elsewhere when it was set):
            // the delivery resolves it anew and does not go.
            this.endpoints.configure(kr.gyeol.shared.PartnerId.of("strict"), receiver.url("/hook"), null,
                    WebhookFormat.JSON, null);
            String subject = "pay_" + java.util.UUID.randomUUID();
            this.transactions.executeWithoutResult((status) -> this.outbox
                .record(kr.gyeol.shared.PartnerId.of("strict"), kr.gyeol.shared.EventType.PAYMENT, subject));
            this.dispatcher.deliverDue();
            assertThat(receiver.all()).isEmpty();
            assertThat(this.jdbc.sql("""
                    SELECT a.error FROM webhook_attempts a JOIN webhook_events e ON e.id = a.event_id
                    WHERE e.subject_id = :subject
                    """).param("subject", subject).query(String.class).list()).singleElement()
                .satisfies((error) -> assertThat(error).contains("loopback, private or link-local"));
        }
        finally {
            assertThat(admin("PUT", "", "{}", strict).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void subscriptionEventsReachTheReceiverSignedWithTheSnapshotOfWhenTheyHappened() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            Map<String, Object> settings = configure(receiver.url("/hook"), receiver.url("/revoked"), "JSON");
            Billing billing = GyeolClient.builder()
                .hosts(Hosts.gyeol(this.payple.baseUrl()))
                .partner(PaypleTestClient.PARTNER, PaypleTestClient.SECRET)
                .build()
                .billing();
            TestClock clock = billing.createTestClock("hooks", Instant.parse("2025-01-01T00:00:00Z"));
            String plan = billing.createPlan(PlanRequest.monthly("웹훅 구독", 1000)).id();
            Subscription subscription = billing
                .subscribe(SubscriptionRequest.of(plan, this.payple.registerCard(PaypleTestClient.CARD))
                    .onTestClock(clock.id()));
            billing.advance(clock.id(), Instant.parse("2025-02-01T00:00:00Z"));

            this.dispatcher.deliverDue();
            List<WebhookReceiver.Received> received = receiver.containing("\"subscriptionId\":\"" + subscription.id());
            assertThat(received).extracting((request) -> json(request.body()).get("type"))
                .containsExactlyInAnyOrder("SUBSCRIPTION_CREATED", "SUBSCRIPTION_RENEWED", "SUBSCRIPTION_RENEWED");
            for (WebhookReceiver.Received request : received) {
                assertThat(verifies((String) settings.get("secret"), request)).isTrue();
                Map<String, String> body = json(request.body());
                // The webhook-id receivers de-duplicate by is the event's id in the body.
                assertThat(body.get("id")).startsWith("sev_");
            }
            Map<String, String> renewal = received.stream()
                .map((request) -> json(request.body()))
                .filter((body) -> "1".equals(body.get("invoicePeriod")))
                .findFirst()
                .orElseThrow();
            assertThat(renewal).containsEntry("status", "ACTIVE")
                .containsEntry("amount", "1000")
                .containsEntry("orderId", subscription.id() + "-P1-A1")
                .containsKey("paymentId");
        }
    }

}
