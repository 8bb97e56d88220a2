package kr.gyeol.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.gyeol.client.BillingKey;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.DuplicateOrderException;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.OutcomeUnknownException;
import kr.gyeol.client.PayType;
import kr.gyeol.client.Payer;
import kr.gyeol.e2e.support.GatewayCluster;
import kr.gyeol.e2e.support.GyeolCommand;
import kr.gyeol.e2e.support.GatewayProcess;
import kr.gyeol.e2e.support.WebhookInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes on one PostgreSQL, a client on each: a billing key registered on one
 * node is charged through the other, an order id or a month raced across both is charged
 * once (the losers get {@link DuplicateOrderException}), an AuthKey issued by one node is
 * spent once however many calls race at both, a charge left unknown on one node is
 * settled and found through the other, and both nodes deliver webhooks without sending
 * any event twice, also to a receiver that takes nearly the whole timeout to answer.
 */
class MultiNodeClientE2EIT {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private GatewayCluster cluster;

    @AfterEach
    void stop() throws Exception {
        ClientE2ECases.stop(this.cluster);
    }

    /**
     * Every event in the database arrived, none twice: a second send of any would arrive
     * within {@code grace}.
     */
    private void assertEveryEventDeliveredOnce(WebhookInbox inbox, Duration within, Duration grace) throws Exception {
        try (Connection db = this.cluster.database().connect()) {
            List<String> events = new ArrayList<>();
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM webhook_events")) {
                while (rows.next()) {
                    events.add(rows.getString(1));
                }
            }
            assertThat(events).isNotEmpty();
            await("every event delivered").atMost(within)
                .until(() -> inbox.all().stream().map((d) -> d.header("webhook-id")).toList().containsAll(events));
        }
        await("no event sent twice").during(grace)
            .atMost(grace.plusSeconds(1))
            .untilAsserted(() -> assertThat(inbox.all().stream().map((d) -> d.header("webhook-id")).toList())
                .doesNotHaveDuplicates());
    }

    /** Charges from 20 threads, alternating nodes; how many were approved. */
    private static int race(GyeolClient a, GyeolClient b, java.util.function.IntFunction<Charge> charge)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ChargeResult>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            GyeolClient client = (i % 2 == 0) ? a : b;
            Charge attempt = charge.apply(i);
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return client.payments().charge(attempt);
                }
                catch (DuplicateOrderException refused) {
                    return null;
                }
            }));
        }
        go.countDown();
        int approved = 0;
        for (Future<ChargeResult> result : results) {
            ChargeResult outcome = result.get(60, TimeUnit.SECONDS);
            if (outcome != null) {
                assertThat(outcome).isInstanceOf(ChargeResult.Approved.class);
                approved++;
            }
        }
        pool.shutdownNow();
        return approved;
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
        .build();

    private static Map<String, String> postJson(String url, Map<String, String> body) throws Exception {
        java.net.http.HttpResponse<String> response = HTTP
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json")
                .header("Referer", "http://localhost:8080")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(response.body(), new tools.jackson.core.type.TypeReference<Map<String, String>>() {
        });
    }

    /**
     * Ten charges with one envelope, five at each node, each with its own order id, all
     * let go at once.
     */
    private static List<Map<String, String>> raceSpends(List<GatewayProcess> nodes, String path,
            Map<String, String> envelope) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, String>>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String url = nodes.get(i % nodes.size()).baseUrl() + path;
            Map<String, String> body = new java.util.HashMap<>(envelope);
            body.put("PCD_PAY_OID", "e2e-key-race" + i + "-" + System.nanoTime());
            answers.add(pool.submit(() -> {
                start.await();
                return postJson(url, body);
            }));
        }
        start.countDown();
        List<Map<String, String>> results = new ArrayList<>();
        for (Future<Map<String, String>> answer : answers) {
            results.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdownNow();
        return results;
    }

    @Test
    void nodesShareKeysOrderIdsMonthsAndUnknownOutcomes(@TempDir Path work) throws Exception {
        this.cluster = new GatewayCluster(ClientE2ECases.SETTINGS);
        List<GatewayProcess> nodes = this.cluster.startAll("a", "b");
        GyeolClient a = ClientE2ECases.clientOf(nodes.get(0));
        GyeolClient b = ClientE2ECases.clientOf(nodes.get(1));
        WebhookInbox inbox = new WebhookInbox();
        ClientE2ECases.configureWebhooks(nodes.get(0), inbox.url("/hook"), inbox.url("/hook"));

        BillingKey card = a.billingKeys()
            .registerCard(new CardRegistration(new Payer("1", "홍길동", null, null), "900101", ClientE2ECases.CARD, "30",
                    "12", "12"));
        assertThat(b.billingKeys().find(card.id()).maskedCardNumber()).isEqualTo("4242-****-****-4242");
        assertThat(b.payments().charge(Charge.builder(PayType.CARD, card.id(), "노드", 1_000).build()))
            .isInstanceOf(ChargeResult.Approved.class);

        String orderId = "e2e-nodes" + System.nanoTime();
        assertThat(race(a, b, (i) -> Charge.builder(PayType.CARD, card.id(), "노드 경합", 1_000).orderId(orderId).build()))
            .isOne();
        YearMonth month = YearMonth.of(2026, 12);
        assertThat(race(a, b,
                (i) -> Charge.builder(PayType.CARD, card.id(), "노드 월", 1_000)
                    .orderId("e2e-month" + i + "-" + System.nanoTime())
                    .monthly(month)
                    .build()))
            .isOne();

        // An AuthKey issued by one node is read by the other (it carries its own proof,
        // sealed under the shared vault key) and spent once, whichever node and however
        // many calls race to spend it.
        Map<String, String> session = postJson(nodes.get(0).baseUrl() + "/php/auth.php",
                Map.of("cst_id", "test", "custKey", "abcd1234567890", "PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"));
        java.net.URI returnUrl = java.net.URI.create(session.get("return_url"));
        String chargePath = returnUrl.getRawPath() + "?" + returnUrl.getRawQuery();
        List<Map<String, String>> spends = raceSpends(nodes, chargePath,
                Map.of("PCD_CST_ID", session.get("cst_id"), "PCD_CUST_KEY", session.get("custKey"), "PCD_AUTH_KEY",
                        session.get("AuthKey"), "PCD_PAY_TYPE", "card", "PCD_PAYER_ID", card.id(), "PCD_PAY_GOODS",
                        "노드 키", "PCD_PAY_TOTAL", "1000"));
        List<String> codes = spends.stream().map((answer) -> answer.get("PCD_PAY_CODE")).toList();
        assertThat(codes).as("answers %s", spends).containsOnlyOnce("SPCD0000");
        assertThat(codes).filteredOn("SPCD0004"::equals).hasSize(codes.size() - 1);

        String timeoutKey = a.billingKeys()
            .registerCard(new CardRegistration(Payer.NONE, "900101", "4000000000000119", "30", "12", "12"))
            .id();
        String unknownOrder = "e2e-nodes-unknown" + System.nanoTime();
        assertThatThrownBy(() -> a.payments()
            .charge(Charge.builder(PayType.CARD, timeoutKey, "노드", 1_000).orderId(unknownOrder).build()))
            .isInstanceOf(OutcomeUnknownException.class);
        Optional<ChargeResult> settled = await("the unknown charge settled").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptionsInstanceOf(OutcomeUnknownException.class)
            .until(() -> b.payments().lookup(PayType.CARD, unknownOrder, LocalDate.now(KOREA)), Optional::isPresent);
        assertThat(settled.get()).isInstanceOf(ChargeResult.Approved.class);

        // Both nodes deliver what all this caused, each event once.
        assertEveryEventDeliveredOnce(inbox, Duration.ofSeconds(60), Duration.ofSeconds(2));
        inbox.close();

        // The command line works the same against either node: listen at one hears a
        // payment triggered at the other, and either shows its history. (After the
        // check above: a listener's delivery ends the gateway's own, to the inbox.)
        try (WebhookInbox shop = new WebhookInbox()) {
            Path state = work.resolve("listen.state");
            List<String> profile = List.of("--profile", work.resolve("none.properties").toString());
            Process listening = GyeolCommand.start(GyeolCommand.line(
                    GyeolCommand.line(GyeolCommand.jar(), "listen", "--base", nodes.get(1).baseUrl(), "--forward-to",
                            shop.url("/hook"), "--events", "PAYMENT", "--max-events", "1", "--state", state.toString()),
                    profile), work.resolve("listen.txt"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(state));
                GyeolCommand triggered = GyeolCommand.run(GyeolCommand.line(List.of(GyeolCommand.script(), "--base",
                        nodes.get(0).baseUrl(), "trigger", "payment.approved", "--json"), profile), work);
                assertThat(triggered.exit()).as(triggered.err()).isZero();
                String cliOrder = triggered.orderId();
                assertThat(listening.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(listening.exitValue()).as(Files.readString(work.resolve("listen.txt"))).isZero();
                assertThat(shop.all()).singleElement()
                    .satisfies((delivery) -> assertThat(delivery.body()).contains(cliOrder));
                GyeolCommand shown = GyeolCommand.run(GyeolCommand.line(
                        List.of(GyeolCommand.script(), "--base", nodes.get(1).baseUrl(), "payments", "show", cliOrder),
                        profile), work);
                assertThat(shown.exit()).as(shown.err()).isZero();
                assertThat(shown.out()).contains("order " + cliOrder).contains("APPROVED");
            }
            finally {
                listening.destroyForcibly();
            }
        }

    }

    @Test
    void aReceiverThatTakesNearlyTheWholeTimeoutGetsEveryEventOnceFromTwoNodes() throws Exception {
        List<String> settings = new ArrayList<>(ClientE2ECases.SETTINGS);
        settings.add("--gyeol.webhooks.timeout=3s");
        this.cluster = new GatewayCluster(settings);
        List<GatewayProcess> nodes = this.cluster.startAll("slow-a", "slow-b");
        GyeolClient a = ClientE2ECases.clientOf(nodes.get(0));
        try (WebhookInbox slow = new WebhookInbox(Duration.ofMillis(2_500))) {
            ClientE2ECases.configureWebhooks(nodes.get(0), slow.url("/hook"), slow.url("/hook"));
            String key = a.billingKeys()
                .registerCard(new CardRegistration(Payer.NONE, "900101", ClientE2ECases.CARD, "30", "12", "12"))
                .id();
            for (int i = 0; i < 8; i++) {
                assertThat(a.payments().charge(Charge.builder(PayType.CARD, key, "느린 수신", 1_000).build()))
                    .isInstanceOf(ChargeResult.Approved.class);
            }
            // Each send takes 2.5 s of the 3 s timeout: under one batch lease they would
            // outlive it and the other node would send them again. A second POST of any
            // would arrive within the timeout.
            assertEveryEventDeliveredOnce(slow, Duration.ofSeconds(60), Duration.ofSeconds(4));
        }
    }

}
