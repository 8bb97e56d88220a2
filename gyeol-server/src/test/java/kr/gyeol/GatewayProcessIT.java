package kr.gyeol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.gyeol.support.GatewayProcesses;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway as a user runs it: {@code java -jar} on its embedded default
 * database. A billing key registered before the gateway is killed with SIGKILL can be
 * charged after it starts again on the same data directory, which also proves the
 * orphaned PostgreSQL is dealt with.
 */
class GatewayProcessIT {

    private Process gateway;

    /** Data directories this test made, deleted once their gateways stopped. */
    private final List<Path> directories = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException, IOException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroy();
            gateway.waitFor();
        }
        for (Path directory : this.directories) {
            org.springframework.util.FileSystemUtils.deleteRecursively(directory);
        }
    }

    private Path dataDirectory() throws IOException {
        Path directory = Files.createTempDirectory("gyeol-process");
        this.directories.add(directory);
        return directory;
    }

    private Process start(Path dataDirectory, int port, int run, String... extra) throws IOException {
        List<String> arguments = new java.util.ArrayList<>(
                List.of("--gyeol.data-dir=" + dataDirectory, "--gyeol.embedded-database.pool-size=8"));
        arguments.addAll(List.of(extra));
        return GatewayProcesses.start("gateway-process-" + run, port, arguments);
    }

    private static PaypleTestClient awaitReady(Process process, int port) throws InterruptedException {
        return GatewayProcesses.awaitReady(process, port, "gateway-process");
    }

    private static int freePort() throws IOException {
        return GatewayProcesses.freePort();
    }

    /** The public test partner, with its result receiver. */
    private static String[] partnerWithReceiver(String receiverUrl) {
        return new String[] { "--gyeol.partners[0].id=test", "--gyeol.partners[0].secret=" + PaypleTestClient.SECRET,
                "--gyeol.partners[0].refund-key=" + PaypleTestClient.REFUND_KEY,
                "--gyeol.partners[0].webhook.result-url=" + receiverUrl };
    }

    @Test
    void billingKeyAndUndeliveredWebhooksSurviveAKilledGateway() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver(0);
        Path dataDirectory = dataDirectory();
        int port = freePort();
        // The first run writes webhook events but never gets to deliver them.
        List<String> first = new java.util.ArrayList<>(List.of(partnerWithReceiver(receiver.url("/hook"))));
        first.add("--gyeol.webhooks.interval=1h");
        gateway = start(dataDirectory, port, 1, first.toArray(String[]::new));
        PaypleTestClient client = awaitReady(gateway, port);
        String key = client.registerCard(PaypleTestClient.CARD);
        String firstOrder = PaypleTestClient.uniqueOrderId("before");
        assertThat(client.chargeCard(key, firstOrder, 1000)).containsEntry("PCD_PAY_RST", "success");

        // SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running as an
        // orphan.
        gateway.destroyForcibly();
        gateway.waitFor();

        assertThat(receiver.all()).isEmpty();

        List<String> second = new java.util.ArrayList<>(List.of(partnerWithReceiver(receiver.url("/hook"))));
        second.add("--gyeol.webhooks.interval=200ms");
        gateway = start(dataDirectory, port, 2, second.toArray(String[]::new));
        client = awaitReady(gateway, port);
        // What committed before the kill is delivered after the restart, once.
        String registration = "\"PCD_PAY_WORK\":\"AUTH\"";
        await().atMost(Duration.ofSeconds(30))
            .until(() -> !receiver.containing(firstOrder).isEmpty() && !receiver.containing(registration).isEmpty());
        // Anything sent twice would arrive within a second.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(receiver.containing(firstOrder)).hasSize(1);
            assertThat(receiver.containing(registration)).hasSize(1);
        });
        receiver.close();
        assertThat(client.chargeCard(key, PaypleTestClient.uniqueOrderId("after"), 1000))
            .containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "SPCD0000");
        assertThat(client.chargeCard(key, firstOrder, 1000)).containsEntry("PCD_PAY_CODE", "SPCD0014");
    }

    @Test
    void aSecondGatewayOnTheSameDataFolderSaysSoInALineAndTheFirstSaysWhereItIs() throws Exception {
        Path dataDirectory = dataDirectory();
        int port = freePort();
        gateway = start(dataDirectory, port, 3);
        awaitReady(gateway, port);
        String firstLog = Files.readString(GatewayProcesses.log("gateway-process-3"));
        assertThat(firstLog).contains("Gyeol is up at http://localhost:" + port)
            .contains("demo shop: http://localhost:" + port + "/demo")
            .contains("Database: the embedded PostgreSQL on 127.0.0.1:");

        Process second = start(dataDirectory, freePort(), 4);
        assertThat(second.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("the second gateway exits").isTrue();
        assertThat(second.exitValue()).isNotZero();
        String secondLog = Files.readString(GatewayProcesses.log("gateway-process-4"));
        assertThat(secondLog).contains("Another running gateway uses the data directory").contains("--gyeol.data-dir=");
        assertThat(secondLog.lines().filter((line) -> line.startsWith("\tat "))).as("no stack trace").isEmpty();
        // The first is untouched.
        assertThat(gateway.isAlive()).isTrue();
        assertThat(awaitReady(gateway, port).auth(java.util.Map.of())).containsEntry("result", "success");
    }

}
