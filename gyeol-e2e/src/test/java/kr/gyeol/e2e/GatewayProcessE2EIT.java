package kr.gyeol.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.DuplicateOrderException;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.PayType;
import kr.gyeol.client.Payer;
import kr.gyeol.e2e.support.GatewayProcess;
import kr.gyeol.e2e.support.GyeolCommand;
import kr.gyeol.e2e.support.WebhookInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway as a user runs it: {@code java -jar} on its embedded default
 * database. What committed before the gateway is killed with SIGKILL (a billing key, a
 * payment, their undelivered webhooks) is there after it starts again on the same data
 * directory, which also proves the orphaned PostgreSQL is dealt with; a second gateway on
 * one data directory refuses to start in one line.
 */
class GatewayProcessE2EIT {

    private final EmbeddedGateways gateways = new EmbeddedGateways();

    @AfterEach
    void stop() throws Exception {
        this.gateways.close();
    }

    private Path dataDirectory() throws Exception {
        return this.gateways.dataDirectory("process-");
    }

    private GatewayProcess start(String name, Path data, String... settings) throws Exception {
        List<String> all = new ArrayList<>(List.of("--gyeol.embedded-database.pool-size=8"));
        all.addAll(List.of(settings));
        return this.gateways.start(name, data, all.toArray(String[]::new));
    }

    @Test
    void billingKeyPaymentAndUndeliveredWebhooksSurviveAKilledGateway() throws Exception {
        Path data = dataDirectory();
        try (WebhookInbox inbox = new WebhookInbox()) {
            // The first run writes webhook events but never gets to deliver them: no poll
            // and no wake on commit (an event it had claimed would wait for its lease).
            GatewayProcess first = start("process-killed", data, "--gyeol.webhooks.interval=1h",
                    "--gyeol.webhooks.wake-on-commit=false");
            ClientE2ECases.configureWebhooks(first, inbox.url("/hook"), inbox.url("/hook"));
            GyeolClient client = ClientE2ECases.clientOf(first);
            String key = client.billingKeys()
                .registerCard(new CardRegistration(Payer.NONE, "900101", ClientE2ECases.CARD, "30", "12", "12"))
                .id();
            String firstOrder = "e2e-before-kill" + System.nanoTime();
            assertThat(client.payments()
                .charge(Charge.builder(PayType.CARD, key, "재시작 전", 1_000).orderId(firstOrder).build()))
                .isInstanceOf(ChargeResult.Approved.class);

            // SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running as
            // an orphan.
            first.kill();
            assertThat(inbox.all()).isEmpty();

            GatewayProcess second = start("process-restarted", data, "--gyeol.webhooks.interval=200ms");
            client = ClientE2ECases.clientOf(second);
            // What committed before the kill is delivered after the restart, once.
            await("the payment's and the registration's webhooks").atMost(Duration.ofSeconds(30))
                .until(() -> inbox.all().stream().anyMatch((d) -> d.body().contains(firstOrder))
                        && inbox.all().stream().anyMatch((d) -> d.body().contains("\"PCD_PAY_WORK\":\"AUTH\"")));
            await("no event sent twice").during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    assertThat(inbox.all().stream().filter((d) -> d.body().contains(firstOrder))).hasSize(1);
                    assertThat(inbox.all().stream().filter((d) -> d.body().contains("\"PCD_PAY_WORK\":\"AUTH\"")))
                        .hasSize(1);
                });

            assertThat(client.payments().charge(Charge.builder(PayType.CARD, key, "재시작 후", 1_000).build()))
                .isInstanceOf(ChargeResult.Approved.class);
            GyeolClient after = client;
            assertThatThrownBy(() -> after.payments()
                .charge(Charge.builder(PayType.CARD, key, "재시작 후", 1_000).orderId(firstOrder).build()))
                .isInstanceOf(DuplicateOrderException.class);
        }
    }

    @Test
    void aSecondGatewayOnTheSameDataFolderSaysSoInALineAndTheFirstSaysWhereItIs() throws Exception {
        Path data = dataDirectory();
        GatewayProcess first = start("process-first", data);
        assertThat(Files.readString(first.log())).contains("Gyeol is up at http://localhost:" + first.port())
            .contains("demo shop: http://localhost:" + first.port() + "/demo")
            .contains("console: http://localhost:" + first.port() + "/console")
            .contains("Database: the embedded PostgreSQL on 127.0.0.1:");

        int exit = GatewayProcess.exitValueOf("process-second", List.of("--gyeol.data-dir=" + data),
                Duration.ofSeconds(90));
        assertThat(exit).isNotZero();
        String secondLog = Files.readString(GatewayProcess.log("process-second"));
        assertThat(secondLog).contains("Another running gateway uses the data directory").contains("--gyeol.data-dir=");
        assertThat(secondLog.lines().filter((line) -> line.startsWith("\tat "))).as("no stack trace").isEmpty();
        // The first is untouched.
        assertThat(first.isAlive()).isTrue();
        assertThat(ClientE2ECases.clientOf(first)
            .billingKeys()
            .registerCard(new CardRegistration(Payer.NONE, "900101", ClientE2ECases.CARD, "30", "12", "12"))
            .id()).isNotBlank();
    }

    @Test
    void listenForwardsFromThePackagedJarAndAfterARestartSendsOnlyWhatItMissed() throws Exception {
        String kitKey = "kit-" + UUID.randomUUID();
        GatewayProcess gateway = start("process-listen", dataDirectory(), "--gyeol.test-kit.key=" + kitKey);
        Path work = this.gateways.dataDirectory("listen-");
        String java = ProcessHandle.current().info().command().orElseThrow();
        String jar = Path.of("../gyeol-server/target/gyeol-server.jar").toAbsolutePath().toString();
        // A test partner whose own receiver the gateway cannot reach: its events reach
        // the shop only through listen.
        HttpResponse<String> made = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/test-kit/partners"))
                .header("Authorization", "Bearer " + kitKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"webhookUrl\":\"http://127.0.0.1:9/hook\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        Map<String, Object> partner = tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readValue(made.body(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
            });
        List<String> as = List.of("--base", gateway.baseUrl(), "--profile", work.resolve("none.properties").toString(),
                "--partner", (String) partner.get("cstId"), "--key", (String) partner.get("custKey"));
        Path state = work.resolve("listen.state");
        try (WebhookInbox shop = new WebhookInbox()) {
            List<String> listen = new ArrayList<>(List.of(java, "-jar", jar, "listen"));
            listen.addAll(as);
            listen
                .addAll(List.of("--forward-to", shop.url("/hook"), "--events", "PAYMENT", "--state", state.toString()));
            Process listening = GyeolCommand.start(listen, work.resolve("listen-1.txt"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(state));
                String first = ordered(GyeolCommand.run(
                        GyeolCommand.line(List.of(java, "-jar", jar, "trigger", "payment.approved", "--json"), as),
                        work));
                shop.await((delivery) -> delivery.body().contains(first), Duration.ofSeconds(30));

                // Sent again on asking: the gateway takes it up (its own receiver is
                // down).
                GyeolCommand events = GyeolCommand.run(
                        GyeolCommand.line(List.of(java, "-jar", jar, "events", "--type", "PAYMENT", "--json"), as),
                        work);
                String eventId = events.out().replaceAll("(?s).*\"id\":\"(evt_[^\"]+)\".*", "$1");
                assertThat(eventId).startsWith("evt_");
                GyeolCommand resent = GyeolCommand
                    .run(GyeolCommand.line(List.of(java, "-jar", jar, "events", "resend", eventId), as), work);
                assertThat(resent.exit()).as(resent.err()).isZero();
            }
            finally {
                listening.destroy();
                assertThat(listening.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Files.readString(work.resolve("listen-1.txt"))).contains("PAYMENT").contains("HTTP 200");

            // While nobody listens, a payment; a listen started again sends it, and only
            // it.
            String missed = ordered(GyeolCommand
                .run(GyeolCommand.line(List.of(java, "-jar", jar, "trigger", "payment.approved", "--json"), as), work));
            List<String> again = new ArrayList<>(listen);
            again.addAll(List.of("--max-events", "1"));
            Process resumed = GyeolCommand.start(again, work.resolve("listen-2.txt"));
            assertThat(resumed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(resumed.exitValue()).as(Files.readString(work.resolve("listen-2.txt"))).isZero();
            assertThat(shop.all()).filteredOn((delivery) -> delivery.body().contains(missed)).hasSize(1);
            assertThat(shop.all()).as("each payment once: the first not sent again").hasSize(2);
        }
    }

    /** The order id of a {@code trigger … --json} that ended well. */
    private static String ordered(GyeolCommand triggered) {
        assertThat(triggered.exit()).as(triggered.err()).isZero();
        return triggered.orderId();
    }

    @Test
    void theCommandLineRunsFromTheScriptAndTheJarAgainstARunningGateway() throws Exception {
        Path data = dataDirectory();
        GatewayProcess gateway = start("process-cli", data);
        Path work = this.gateways.dataDirectory("cli-");
        String profile = work.resolve("profile.properties").toString();
        String java = ProcessHandle.current().info().command().orElseThrow();
        String jar = Path.of("../gyeol-server/target/gyeol-server.jar").toAbsolutePath().toString();
        String script = Path.of("../bin/gyeol").toAbsolutePath().toString();

        // bin/gyeol, as a developer types it, against the public test partner.
        GyeolCommand unknown = GyeolCommand.run(
                List.of(script, "--base", gateway.baseUrl(), "--profile", profile, "trigger", "payment.unknown"), work);
        assertThat(unknown.exit()).as(unknown.err()).isZero();
        assertThat(unknown.out()).contains("Registered billing key").contains("unknown (SPCD1001)");
        assertThat(unknown.out() + unknown.err()).as("a command, not a gateway")
            .doesNotContain("Starting GyeolApplication");

        // java -jar gyeol-server.jar <command>.
        GyeolCommand settled = GyeolCommand.run(
                List.of(java, "-jar", jar, "settle", "--base", gateway.baseUrl(), "--profile", profile, "--json"),
                work);
        assertThat(settled.exit()).as(settled.err()).isZero();
        assertThat(settled.out().strip()).isEqualTo("{\"settled\":true}");

        // Every command is the command line's, from the script too (payments once
        // started a gateway instead).
        GyeolCommand payments = GyeolCommand
            .run(List.of(script, "--base", gateway.baseUrl(), "--profile", profile, "payments"), work);
        assertThat(payments.exit()).as(payments.err()).isZero();
        assertThat(payments.out()).contains("APPROVED").doesNotContain("Starting GyeolApplication");

        GyeolCommand wrongKey = GyeolCommand.run(List.of(java, "-jar", jar, "--base", gateway.baseUrl(), "--profile",
                profile, "--partner", "test", "--key", "not-the-key", "events"), work);
        assertThat(wrongKey.exit()).isEqualTo(4);
        assertThat(wrongKey.err().strip().lines()).hasSize(1);

        GyeolCommand down = GyeolCommand
            .run(List.of(script, "--base", "http://127.0.0.1:1", "--profile", profile, "events"), work);
        assertThat(down.exit()).isEqualTo(3);
        assertThat(down.err()).startsWith("gyeol: no gateway answers at http://127.0.0.1:1 ");

        GyeolCommand usage = GyeolCommand.run(List.of(script, "trigger", "payment.maybe"), work);
        assertThat(usage.exit()).isEqualTo(2);
    }

}
