package kr.gyeol.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TempDirectories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database that stops answering (every PostgreSQL process of the embedded server
 * stopped with SIGSTOP, mid-burst) makes answers slow by the configured bounds, never a
 * hang: each charge is answered within seconds, with a retry code only where nothing was
 * written, readiness goes DOWN within its own bound, and when the database thaws the
 * gateway charges again without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FrozenDatabaseIT {

    private static final Duration FREEZE = Duration.ofSeconds(12);

    /** Pool wait, connect and socket bounds of 2 s each, as set below, and slack. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(9);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedDatabase database;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws IOException {
        Path data = TempDirectories.create("gyeol-frozen");
        registry.add("gyeol.data-dir", data::toString);
        registry.add("gyeol.database.pool-wait", () -> "2s");
        registry.add("gyeol.database.connect-timeout", () -> "2s");
        registry.add("gyeol.database.socket-timeout", () -> "2s");
        registry.add("gyeol.database.health-timeout", () -> "1s");
        registry.add("gyeol.reconciler.interval", () -> "1h");
    }

    private record Answer(String orderId, String code, long millis) {
    }

    private void signal(String signal) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(this.database.pid())));
        ProcessHandle.of(this.database.pid())
            .orElseThrow()
            .descendants()
            .forEach((child) -> command.add(Long.toString(child.pid())));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    private int readiness(HttpClient http) throws Exception {
        return http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    }

    @Test
    void everyRequestIsAnsweredWithinItsBoundsWhileTheDatabaseIsFrozenAndChargesResumeAfter() throws Exception {
        PaypleTestClient payple = new PaypleTestClient("http://127.0.0.1:" + this.port);
        String key = payple.registerCard(PaypleTestClient.CARD);
        HttpClient http = HttpClient.newHttpClient();
        assertThat(readiness(http)).isEqualTo(200);

        Map<String, Answer> answers = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sequence = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            running.add(clients.submit(() -> {
                while (!stop.get()) {
                    String orderId = "frozen" + sequence.incrementAndGet() + "x" + System.nanoTime();
                    long started = System.nanoTime();
                    String code;
                    try {
                        code = payple.chargeCard(key, orderId, 1000).getOrDefault("PCD_PAY_CODE", "?");
                    }
                    catch (AssertionError authFailed) {
                        // auth.php answered with an error (the test client throws): it
                        // writes nothing.
                        code = String.valueOf(authFailed.getMessage()).contains("AUTH0005") ? "AUTH0005"
                                : String.valueOf(authFailed.getMessage());
                    }
                    answers.put(orderId,
                            new Answer(orderId, code, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
                }
                return null;
            }));
        }
        Thread.sleep(1_000);
        long beforeFreeze = answers.size();
        signal("STOP");
        long readinessMillis;
        int readinessWhileFrozen;
        try {
            Thread.sleep(1_000);
            long started = System.nanoTime();
            readinessWhileFrozen = readiness(http);
            readinessMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Thread.sleep(FREEZE.toMillis() - 1_000 - readinessMillis);
        }
        finally {
            signal("CONT");
        }
        // Charges go on again without a restart.
        await("a charge approved after the thaw").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptionsInstanceOf(AssertionError.class)
            .until(() -> "SPCD0000"
                .equals(payple.chargeCard(key, "thawed" + System.nanoTime(), 1000).get("PCD_PAY_CODE")));
        stop.set(true);
        for (Future<?> client : running) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        await("ready again").atMost(Duration.ofSeconds(30)).until(() -> readiness(http) == 200);

        assertThat(readinessWhileFrozen).as("readiness while frozen").isEqualTo(503);
        assertThat(readinessMillis).as("readiness answered within its own bound").isLessThan(3_000);
        long slowest = answers.values().stream().mapToLong(Answer::millis).max().orElseThrow();
        List<Answer> frozen = answers.values().stream().filter((answer) -> answer.millis() > 1_000).toList();
        System.err.printf(
                "[frozen-database] %d charges before the freeze, %d in all; %d slower than 1 s, the slowest"
                        + " %d ms, while the database was frozen %d s%n",
                beforeFreeze, answers.size(), frozen.size(), slowest, FREEZE.toSeconds());
        assertThat(frozen).as("charges that met the freeze").isNotEmpty();
        assertThat(slowest).as("no request waited for the whole freeze").isLessThan(ANSWER_BOUND.toMillis());
        assertThat(answers.values()).extracting(Answer::code)
            .as("approved, unknown, or a retry code where nothing was written")
            .allMatch((code) -> code.equals("SPCD0000") || code.equals("SPCD1001") || code.equals("SPCD9999")
                    || code.equals("AUTH0005"));
        for (Answer answer : answers.values()) {
            if (answer.code().equals("SPCD9999")) {
                assertThat(this.jdbc.sql("SELECT count(*) FROM payments WHERE order_id = :orderId")
                    .param("orderId", answer.orderId())
                    .query(Long.class)
                    .single()).as("answered 'try again' but written: " + answer.orderId()).isZero();
            }
        }
    }

}
