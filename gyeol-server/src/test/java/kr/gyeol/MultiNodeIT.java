package kr.gyeol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayProcesses;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TempDirectories;
import kr.gyeol.support.WebhookReceiver;
import kr.gyeol.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes on one PostgreSQL behind no shared memory: a billing key
 * registered on one node is charged on the other, an order id raced across both is
 * charged once, a payment left unknown on one node is settled by whichever node's
 * reconciler claims it, and both nodes deliver webhooks without sending any event twice.
 */
class MultiNodeIT {

    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process node : this.nodes) {
            node.destroy();
            node.waitFor();
        }
    }

    private PaypleTestClient start(String name, String vaultKey, String receiverUrl) throws Exception {
        TestDatabase.Connection database = TestDatabase.get();
        int port = GatewayProcesses.freePort();
        Process process = GatewayProcesses.start("multi-node-" + name, port,
                List.of("--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--gyeol.data-dir=" + TempDirectories.create("gyeol-node-" + name),
                        // Several nodes must share their vault keys; each would otherwise
                        // make
                        // its own.
                        "--gyeol.vault.keys.shared=" + vaultKey, "--gyeol.reconciler.delay=1s",
                        "--gyeol.reconciler.interval=500ms", "--gyeol.webhooks.interval=100ms",
                        // The test partner with a result receiver, the same secret on
                        // both nodes.
                        "--gyeol.partners[0].id=test", "--gyeol.partners[0].secret=" + PaypleTestClient.SECRET,
                        "--gyeol.partners[0].refund-key=" + PaypleTestClient.REFUND_KEY,
                        "--gyeol.partners[0].webhook.result-url=" + receiverUrl,
                        "--gyeol.partners[0].webhook.secret=whsec_" + vaultKey));
        this.nodes.add(process);
        return GatewayProcesses.awaitReady(process, port, "multi-node-" + name);
    }

    @Test
    void nodesShareBillingKeysOrderIdsAndReconciliation() throws Exception {
        String vaultKey = Base64.getEncoder().encodeToString(new byte[32]);
        WebhookReceiver receiver = new WebhookReceiver(0, 50);
        PaypleTestClient a = start("a", vaultKey, receiver.url("/hook"));
        PaypleTestClient b = start("b", vaultKey, receiver.url("/hook"));

        String key = a.registerCard(PaypleTestClient.CARD);
        assertThat(b.chargeCard(key, null, 1000)).containsEntry("PCD_PAY_CODE", "SPCD0000");

        String orderId = PaypleTestClient.uniqueOrderId("nodes");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Map<String, String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            PaypleTestClient node = (i % 2 == 0) ? a : b;
            answers.add(pool.submit(() -> {
                go.await();
                return node.chargeCard(key, orderId, 1000);
            }));
        }
        go.countDown();
        int charged = 0;
        for (Future<Map<String, String>> answer : answers) {
            if ("success".equals(answer.get(60, TimeUnit.SECONDS).get("PCD_PAY_RST"))) {
                charged++;
            }
        }
        pool.shutdownNow();
        assertThat(charged).isEqualTo(1);

        String timeoutKey = a.registerCard("4000000000000119");
        String unknownOrder = PaypleTestClient.uniqueOrderId("unknown");
        assertThat(a.chargeCard(timeoutKey, unknownOrder, 1000)).containsEntry("PCD_PAY_CODE", "SPCD1001");
        Map<String, String> lookup = Map.of("PCD_PAY_OID", unknownOrder, "PCD_PAY_DATE",
                KoreanTime.date(Instant.now()));
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> assertThat(b.call(Map.of("PCD_PAYCHK_FLAG", "Y"), lookup))
                .containsEntry("PCD_PAY_CODE", "PCHK000"));

        // Both nodes deliver webhooks: every event arrives, none twice. Expected: two
        // registrations and three payments (one charge, the race's one, the settled
        // timeout).
        await().atMost(Duration.ofSeconds(30))
            .until(() -> receiver.containing(key).size() >= 3 && receiver.containing(timeoutKey).size() >= 2);
        // Anything sent twice would arrive within a second.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(receiver.containing(key)).hasSize(3);
            assertThat(receiver.containing(timeoutKey)).hasSize(2);
        });
        List<String> ids = receiver.all().stream().map(WebhookReceiver.Received::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        receiver.close();
    }

    @Test
    void aReceiverThatTakesNineSecondsGetsEveryEventOnceFromTwoNodes() throws Exception {
        String vaultKey = Base64.getEncoder().encodeToString(new byte[32]);
        WebhookReceiver receiver = new WebhookReceiver(0, 9_000);
        PaypleTestClient a = start("slow-a", vaultKey, receiver.url("/hook"));
        start("slow-b", vaultKey, receiver.url("/hook"));
        String key = a.registerCard(PaypleTestClient.CARD);
        for (int i = 0; i < 8; i++) {
            assertThat(a.chargeCard(key, PaypleTestClient.uniqueOrderId("slow"), 1000)).containsEntry("PCD_PAY_CODE",
                    "SPCD0000");
        }
        // The registration and eight payments; each send takes 9 s of a 10 s timeout, so
        // under one batch lease they would outlive it and the other node would send them
        // again.
        await().atMost(Duration.ofSeconds(60))
            .until(() -> receiver.containing(key).stream().map(WebhookReceiver.Received::id).distinct().count() >= 9);
        // A second POST of any of them would be answered within the 10 s timeout.
        await().during(Duration.ofSeconds(10))
            .atMost(Duration.ofSeconds(11))
            .untilAsserted(
                    () -> assertThat(receiver.containing(key).stream().map(WebhookReceiver.Received::id).toList())
                        .hasSize(9)
                        .doesNotHaveDuplicates());
        receiver.close();
    }

}
