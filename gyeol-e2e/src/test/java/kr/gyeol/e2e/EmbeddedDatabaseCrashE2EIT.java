package kr.gyeol.e2e;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.DuplicateOrderException;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.OutcomeUnknownException;
import kr.gyeol.client.PayType;
import kr.gyeol.client.Payer;
import kr.gyeol.e2e.support.GatewayProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway on its embedded default database loses no charge it answered as approved
 * when PostgreSQL processes die mid-burst: a backend killed with SIGKILL (the server
 * resets itself and replays its WAL), then the postmaster (the gateway's supervisor
 * starts it again). Afterwards every approved order id is found by a lookup and cannot be
 * charged again, and so is every order the gateway answered with an unknown outcome. A
 * gateway whose database cannot come back says it is not ready, then exits.
 */
class EmbeddedDatabaseCrashE2EIT {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    /** The gateway's own answer for an outcome it does not know (spec §2). */
    private static final String UNKNOWN = "SPCD1001";

    private final EmbeddedGateways gateways = new EmbeddedGateways();

    @AfterEach
    void stop() throws Exception {
        this.gateways.close();
    }

    private Path dataDirectory() throws Exception {
        return this.gateways.dataDirectory("crash-");
    }

    private GatewayProcess start(String name, Path data, String... settings) throws Exception {
        return this.gateways.start(name, data, settings);
    }

    /** How the gateway answered one charge, and the Korean day it was made on. */
    private record Answer(String outcome, LocalDate day) {
    }

    @Test
    void noApprovedChargeIsLostWhenPostgresProcessesAreKilledMidBurst() throws Exception {
        Path data = dataDirectory();
        GatewayProcess gateway = start("embedded-crash", data, "--gyeol.embedded-database.pool-size=12");
        assertThat(Files.readString(gateway.log())).contains("fsync=on, synchronous_commit=on, full_page_writes=on");
        GyeolClient client = ClientE2ECases.clientOf(gateway);
        String key = client.billingKeys()
            .registerCard(new CardRegistration(Payer.NONE, "900101", ClientE2ECases.CARD, "30", "12", "12"))
            .id();

        ConcurrentMap<String, Answer> answers = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> payers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            payers.add(Thread.ofPlatform().name("payer-" + i).start(() -> {
                while (!stop.get()) {
                    String orderId = "e2e-crash" + System.nanoTime();
                    LocalDate day = LocalDate.now(KOREA);
                    String outcome;
                    try {
                        ChargeResult result = client.payments()
                            .charge(Charge.builder(PayType.CARD, key, "크래시", 1_000).orderId(orderId).build());
                        outcome = result instanceof ChargeResult.Approved ? "approved" : "declined";
                    }
                    catch (OutcomeUnknownException notKnown) {
                        outcome = UNKNOWN.equals(notKnown.code()) ? UNKNOWN : "no answer";
                    }
                    catch (kr.gyeol.client.GyeolException refused) {
                        // SPCD9999 promises nothing was written; other refusals are kept
                        // by their code.
                        outcome = refused.code() == null ? "no answer" : refused.code();
                    }
                    catch (RuntimeException refused) {
                        // auth.php refused or the connection broke: no answer at all.
                        outcome = "no answer";
                    }
                    answers.put(orderId, new Answer(outcome, day));
                }
            }));
        }
        try {
            awaitApprovals(answers, 30);
            Path postgres = data.resolve("postgres");
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

            // Connections terminated under the gateway, many times, mid-burst:
            // some die in a commit, whose outcome the gateway cannot know.
            for (int round = 0; round < 20; round++) {
                try (java.sql.Connection db = database(postgres); java.sql.Statement statement = db.createStatement()) {
                    statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE usename = 'gyeol' AND pid <> pg_backend_pid()");
                }
                Thread.sleep(150);
            }
            awaitApprovals(answers, approved(answers) + 30);
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
            String outcome = entry.getValue().outcome();
            if (!outcome.equals("approved") && !outcome.equals(UNKNOWN)) {
                continue;
            }
            checked++;
            String orderId = entry.getKey();
            Optional<ChargeResult> found;
            try {
                found = client.payments().lookup(PayType.CARD, orderId, entry.getValue().day());
            }
            catch (OutcomeUnknownException settling) {
                // Written, and not settled yet: there all the same.
                found = Optional.of(new ChargeResult.Declined(orderId, UNKNOWN, "settling"));
            }
            if (outcome.equals("approved") && !found.filter(ChargeResult.Approved.class::isInstance).isPresent()) {
                lost.add(orderId + " -> " + found);
            }
            if (outcome.equals(UNKNOWN) && found.isEmpty()) {
                lost.add(orderId + " (unknown) -> not found");
            }
            try {
                client.payments().charge(Charge.builder(PayType.CARD, key, "크래시", 1_000).orderId(orderId).build());
                chargedAgain.add(orderId);
            }
            catch (DuplicateOrderException refused) {
                // As it must be.
            }
        }
        // A retry code promises that nothing was written: such an order id is
        // nowhere, and the network never saw a charge the gateway has no row of.
        List<String> retryButWritten = new ArrayList<>();
        long retries;
        long unrecordedAtNetwork;
        try (java.sql.Connection db = database(data.resolve("postgres"))) {
            List<String> retryAnswers = answers.entrySet()
                .stream()
                .filter((entry) -> entry.getValue().outcome().equals("SPCD9999"))
                .map(Map.Entry::getKey)
                .toList();
            retries = retryAnswers.size();
            for (String orderId : retryAnswers) {
                try (java.sql.PreparedStatement query = db
                    .prepareStatement("SELECT count(*) FROM payments WHERE order_id = ?")) {
                    query.setString(1, orderId);
                    try (java.sql.ResultSet rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            retryButWritten.add(orderId);
                        }
                    }
                }
            }
            try (java.sql.Statement statement = db.createStatement();
                    java.sql.ResultSet rows = statement
                        .executeQuery("SELECT count(*) FROM simulated_network_requests n WHERE n.operation = 'CHARGE'"
                                + " AND NOT EXISTS (SELECT 1 FROM payments p"
                                + " WHERE p.network_reference = n.reference)")) {
                rows.next();
                unrecordedAtNetwork = rows.getLong(1);
            }
        }
        System.err.println("[embedded-crash] " + answers.size() + " charges, " + approved(answers) + " approved, "
                + checked + " approved or unknown checked after two crashes and 20 rounds of terminated"
                + " connections; " + retries + " answered SPCD9999, "
                + answers.values().stream().filter((answer) -> answer.outcome().equals(UNKNOWN)).count() + " SPCD1001");
        assertThat(retryButWritten).as("answered SPCD9999 (nothing written) but written").isEmpty();
        assertThat(unrecordedAtNetwork).as("charges the network saw that the gateway has no payment of").isZero();
        assertThat(lost).as("charges answered as approved but gone after the crash").isEmpty();
        assertThat(chargedAgain).as("order ids that could be charged a second time").isEmpty();
    }

    @Test
    void aGatewayWhoseDatabaseCannotComeBackReportsNotReadyThenExitsNonZero() throws Exception {
        Path data = dataDirectory();
        GatewayProcess gateway = start("embedded-lost", data, "--gyeol.embedded-database.restart-budget=3s");
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create(gateway.baseUrl() + "/actuator/health/readiness");
        assertThat(
                http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(200);

        // Without its configuration file no new server can start.
        Path postgres = data.resolve("postgres");
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
        assertThat(gateway.awaitExit(Duration.ofSeconds(30))).isEqualTo(70);
        assertThat(reportedDown.get()).as("readiness said DOWN while the database was being restarted").isTrue();
        assertThat(Files.readString(gateway.log())).contains("could not be restarted within 3 s");
    }

    private static long approved(Map<String, Answer> answers) {
        return answers.values().stream().filter((answer) -> answer.outcome().equals("approved")).count();
    }

    private static void awaitApprovals(Map<String, Answer> answers, long count) {
        await(count + " approvals").atMost(Duration.ofSeconds(90)).until(() -> approved(answers) >= count);
    }

    /**
     * A connection to the embedded server as the gateway's own role, with the password
     * and port it keeps beside its data.
     */
    private static java.sql.Connection database(Path postgres) throws Exception {
        java.util.Properties credentials = new java.util.Properties();
        try (java.io.Reader reader = Files.newBufferedReader(postgres.resolve("gyeol.credentials"))) {
            credentials.load(reader);
        }
        String port = Files.readAllLines(postgres.resolve("postmaster.pid")).get(3).trim();
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/gyeol", "gyeol",
                credentials.getProperty("owner.password"));
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
