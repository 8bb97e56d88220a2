package kr.gyeol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.gyeol.support.GatewayProcesses;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TempDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway on its embedded default database loses no charge it answered as approved
 * when PostgreSQL processes die mid-burst: a backend killed with SIGKILL (the server
 * resets itself and replays its WAL), then the postmaster (the gateway's supervisor
 * starts it again). Afterwards every approved order id is found by a lookup and cannot be
 * charged again, and so is every order answered with an unknown outcome.
 */
class EmbeddedDatabaseCrashIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Process gateway;

    @AfterEach
    void stop() throws InterruptedException {
        GatewayProcesses.stop(gateway);
    }

    private record Answer(String code, String day) {
    }

    @Test
    void noApprovedChargeIsLostWhenPostgresProcessesAreKilledMidBurst() throws Exception {
        Path dataDirectory = TempDirectories.create("gyeol-crash");
        int port = GatewayProcesses.freePort();
        gateway = GatewayProcesses.start("embedded-crash", port,
                List.of("--gyeol.data-dir=" + dataDirectory, "--gyeol.embedded-database.pool-size=12"));
        PaypleTestClient client = GatewayProcesses.awaitReady(gateway, port, "embedded-crash");
        assertThat(Files.readString(GatewayProcesses.log("embedded-crash")))
            .contains("fsync=on, synchronous_commit=on, full_page_writes=on");
        String key = client.registerCard(PaypleTestClient.CARD);

        ConcurrentMap<String, Answer> answers = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> payers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            payers.add(Thread.ofPlatform().name("payer-" + i).start(() -> {
                while (!stop.get()) {
                    String orderId = PaypleTestClient.uniqueOrderId("crash");
                    String day = LocalDate.now(ZoneId.of("Asia/Seoul")).format(DAY);
                    String code;
                    try {
                        code = client.chargeCard(key, orderId, 1000).get("PCD_PAY_CODE");
                    }
                    catch (Throwable failed) {
                        // auth.php refused or the connection broke: no answer at all.
                        code = "no answer";
                    }
                    answers.put(orderId, new Answer(String.valueOf(code), day));
                }
            }));
        }
        try {
            awaitApprovals(answers, 30);
            Path postgres = dataDirectory.resolve("postgres");
            long backend = gatewayBackend(postmasterPid(postgres))
                .orElseThrow(() -> new AssertionError("no backend of the gateway's role is running"));
            ProcessHandle.of(backend).ifPresent(ProcessHandle::destroyForcibly);

            awaitApprovals(answers, approved(answers) + 30);
            long postmaster = postmasterPid(postgres);
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            await("the killed postmaster gone").atMost(Duration.ofSeconds(10))
                .until(() -> !ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false));

            // The supervisor brings the server back, and charges are approved again.
            awaitApprovals(answers, approved(answers) + 30);
            assertThat(postmasterPid(postgres)).isNotEqualTo(postmaster);
        }
        finally {
            stop.set(true);
            for (Thread payer : payers) {
                payer.join(Duration.ofSeconds(60));
            }
        }
        assertThat(gateway.isAlive()).isTrue();

        List<String> lost = new ArrayList<>();
        List<String> chargedAgain = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Answer> entry : answers.entrySet()) {
            String code = entry.getValue().code();
            if (!code.equals("SPCD0000") && !code.equals("SPCD1001")) {
                continue;
            }
            checked++;
            Map<String, String> lookup = client.call(Map.of("PCD_PAYCHK_FLAG", "Y"), Map.of("PCD_PAYCHK_FLAG", "Y",
                    "PCD_PAY_TYPE", "card", "PCD_PAY_OID", entry.getKey(), "PCD_PAY_DATE", entry.getValue().day()));
            if (code.equals("SPCD0000") && !"PCHK000".equals(lookup.get("PCD_PAY_CODE"))) {
                lost.add(entry.getKey() + " -> " + lookup.get("PCD_PAY_CODE"));
            }
            if (code.equals("SPCD1001") && "CBIL0003".equals(lookup.get("PCD_PAY_CODE"))) {
                lost.add(entry.getKey() + " (unknown) -> " + lookup.get("PCD_PAY_CODE"));
            }
            String again = client.chargeCard(key, entry.getKey(), 1000).get("PCD_PAY_CODE");
            if (!"SPCD0014".equals(again)) {
                chargedAgain.add(entry.getKey() + " -> " + again);
            }
        }
        System.err.println("[embedded-crash] " + answers.size() + " charges, " + approved(answers) + " approved, "
                + checked + " approved or unknown checked after two crashes");
        assertThat(lost).as("charges answered as approved but gone after the crash").isEmpty();
        assertThat(chargedAgain).as("order ids that could be charged a second time").isEmpty();
    }

    @Test
    void aGatewayWhoseDatabaseCannotComeBackReportsNotReadyThenExitsNonZero() throws Exception {
        Path dataDirectory = TempDirectories.create("gyeol-lost");
        int port = GatewayProcesses.freePort();
        gateway = GatewayProcesses.start("embedded-lost", port,
                List.of("--gyeol.data-dir=" + dataDirectory, "--gyeol.embedded-database.restart-budget=3s"));
        GatewayProcesses.awaitReady(gateway, port, "embedded-lost");
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        assertThat(
                http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(200);

        // Without its configuration file no new server can start.
        Path postgres = dataDirectory.resolve("postgres");
        Files.move(postgres.resolve("postgresql.conf"), postgres.resolve("postgresql.conf.away"));
        ProcessHandle.of(postmasterPid(postgres)).orElseThrow().destroyForcibly();

        AtomicBoolean reportedDown = new AtomicBoolean();
        await("the gateway exiting").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 503 && answer.body().contains("DOWN")) {
                    reportedDown.set(true);
                }
            }
            catch (java.io.IOException closing) {
                // The gateway is shutting down.
            }
            return !gateway.isAlive();
        });
        assertThat(gateway.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("the gateway exited").isTrue();
        assertThat(reportedDown.get()).as("readiness said DOWN while the database was being restarted").isTrue();
        assertThat(gateway.exitValue()).isEqualTo(70);
        assertThat(Files.readString(GatewayProcesses.log("embedded-lost")))
            .contains("could not be restarted within 3 s");
    }

    private static long approved(Map<String, Answer> answers) {
        return answers.values().stream().filter(answer -> answer.code().equals("SPCD0000")).count();
    }

    private static void awaitApprovals(Map<String, Answer> answers, long count) {
        await(count + " approvals").atMost(Duration.ofSeconds(90)).until(() -> approved(answers) >= count);
    }

    private static long postmasterPid(Path postgres) throws Exception {
        return Long.parseLong(Files.readAllLines(postgres.resolve("postmaster.pid")).getFirst().trim());
    }

    /**
     * A backend serving the gateway: its process title names the gyeol role and database.
     */
    private static Optional<Long> gatewayBackend(long postmaster) {
        return ProcessHandle.of(postmaster).orElseThrow().children().filter(child -> {
            try {
                return Files.readString(Path.of("/proc/" + child.pid() + "/cmdline")).contains("gyeol gyeol");
            }
            catch (java.io.IOException gone) {
                return false;
            }
        }).map(ProcessHandle::pid).findFirst();
    }

}
