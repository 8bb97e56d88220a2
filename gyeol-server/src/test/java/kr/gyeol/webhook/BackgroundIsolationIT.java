package kr.gyeol.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TempDirectories;
import kr.gyeol.support.TestDatabase;
import kr.gyeol.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One partner's receiver that accepts connections and never answers holds up neither
 * another partner's webhooks nor the settling of unknown payments: the background jobs
 * run on threads of their own (on their real schedules here, with the real clock), sends
 * run concurrently, and the hanging receiver gets no more than its cap of connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BackgroundIsolationIT {

    private static final HangingReceiver hanging = HangingReceiver.start();

    private static final WebhookReceiver prompt = promptReceiver();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.Connection database = TestDatabase.separate("isolation");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("gyeol.data-dir", () -> {
            try {
                return TempDirectories.create("gyeol-isolation").toString();
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // Partners of this test alone, so no other test's context sees their events.
        registry.add("gyeol.partners[0].id", () -> "stalled");
        registry.add("gyeol.partners[0].secret", () -> "stalled-secret-0123456789");
        registry.add("gyeol.partners[0].refund-key", () -> "stalled-refund-key");
        registry.add("gyeol.partners[0].mode", () -> "test");
        registry.add("gyeol.partners[0].domains[0]", () -> "localhost");
        registry.add("gyeol.partners[0].webhook.result-url", () -> "http://127.0.0.1:" + hanging.port() + "/hook");
        registry.add("gyeol.partners[1].id", () -> "isolated");
        registry.add("gyeol.partners[1].secret", () -> "isolated-secret-0123456789");
        registry.add("gyeol.partners[1].refund-key", () -> "isolated-refund-key");
        registry.add("gyeol.partners[1].mode", () -> "test");
        registry.add("gyeol.partners[1].domains[0]", () -> "localhost");
        registry.add("gyeol.partners[1].webhook.result-url", () -> prompt.url("/hook"));
        registry.add("gyeol.webhooks.interval", () -> "100ms");
        registry.add("gyeol.webhooks.timeout", () -> "20s");
        registry.add("gyeol.reconciler.interval", () -> "200ms");
        registry.add("gyeol.reconciler.delay", () -> "1s");
    }

    @Autowired
    JdbcClient jdbc;

    /**
     * Ends the hung sends (they fail at once when the receiver closes) and removes this
     * test's events, which no other test should ever attempt.
     */
    @AfterEach
    void removeEvents() throws InterruptedException {
        hanging.close();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> jdbc.sql("SELECT count(*) FROM webhook_events WHERE partner_id = 'stalled' AND attempts = 0")
                .query(Integer.class)
                .single() == 0);
        jdbc.sql("DELETE FROM webhook_events WHERE partner_id IN ('stalled', 'isolated')").update();
    }

    @AfterAll
    static void closeReceivers() {
        prompt.close();
    }

    private static WebhookReceiver promptReceiver() {
        try {
            return new WebhookReceiver(0);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReceiverThatNeverAnswersDelaysNoOneElse() throws Exception {
        PaypleTestClient stalled = new PaypleTestClient("http://127.0.0.1:" + port, "stalled",
                "stalled-secret-0123456789");
        PaypleTestClient other = new PaypleTestClient("http://127.0.0.1:" + port, "isolated",
                "isolated-secret-0123456789");
        String stalledKey = stalled.registerCard(PaypleTestClient.CARD);
        for (int i = 0; i < 24; i++) {
            assertThat(stalled.chargeCard(stalledKey, PaypleTestClient.uniqueOrderId("stalled"), 1000))
                .containsEntry("PCD_PAY_CODE", "SPCD0000");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> hanging.open() >= 16);

        // Another partner's webhook arrives while the hanging receiver holds its sends.
        String key = other.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("isolated");
        Instant charged = Instant.now();
        assertThat(other.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_CODE", "SPCD0000");
        await().atMost(Duration.ofSeconds(5)).until(() -> !prompt.containing(orderId).isEmpty());
        Duration webhookLag = Duration.between(charged, Instant.now());

        // And an unknown outcome is settled on the reconciler's own schedule.
        String timeoutKey = other.registerCard("4000000000000119");
        String unknownOrder = PaypleTestClient.uniqueOrderId("isolatedtimeout");
        assertThat(other.chargeCard(timeoutKey, unknownOrder, 1000)).containsEntry("PCD_PAY_CODE", "SPCD1001");
        Map<String, String> lookup = Map.of("PCD_PAYCHK_FLAG", "Y", "PCD_PAY_TYPE", "card", "PCD_PAY_OID", unknownOrder,
                "PCD_PAY_DATE", KoreanTime.date(Instant.now()));
        await().atMost(Duration.ofSeconds(10))
            .until(() -> "PCHK000".equals(other.call(Map.of("PCD_PAYCHK_FLAG", "Y"), lookup).get("PCD_PAY_CODE")));

        assertThat(hanging.open()).as("connections held by the hanging receiver at once: its cap").isEqualTo(16);
        System.err.println("[isolation] the other partner's webhook arrived after " + webhookLag.toMillis()
                + " ms while " + hanging.open() + " sends hung");
    }

    /** Accepts every connection, reads nothing, answers nothing. */
    private static final class HangingReceiver implements AutoCloseable {

        private final ServerSocket server;

        private final List<Socket> held = new CopyOnWriteArrayList<>();

        private HangingReceiver(ServerSocket server) {
            this.server = server;
        }

        static HangingReceiver start() {
            try {
                HangingReceiver receiver = new HangingReceiver(
                        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
                Thread.ofPlatform().daemon().name("hanging-receiver").start(receiver::accept);
                return receiver;
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                }
                catch (IOException closed) {
                    return;
                }
            }
        }

        int port() {
            return server.getLocalPort();
        }

        /**
         * Connections taken so far; none is closed before the gateway's 20 s timeout, so
         * during the test this is also how many are open at once.
         */
        int open() {
            return held.size();
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket socket : held) {
                    socket.close();
                }
            }
            catch (IOException ignored) {
                // The test is over.
            }
        }

    }

}
