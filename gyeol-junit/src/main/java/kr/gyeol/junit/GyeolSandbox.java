package kr.gyeol.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kr.gyeol.client.TestPartners;

/**
 * The gateway of this test JVM: Gyeol's jar run as a child process with the JDK running
 * the tests, on a free port of 127.0.0.1, on its embedded PostgreSQL in a temporary
 * folder deleted when the JVM exits. Started by the first test that needs it, stopped
 * with the JVM. Its classes never enter the tests' class path.
 *
 * <p>
 * The jar is, in this order: the system property {@code gyeol.server.jar}, the
 * environment variable {@code GYEOL_SERVER_JAR}, or {@code kr.gyeol:gyeol-server} of this
 * kit's version in the local Maven repository ({@code maven.repo.local} or
 * {@code ~/.m2/repository}), where {@code ./mvnw install} of Gyeol puts it. It starts
 * from a {@link StartCache} prepared once per jar and JDK: the jar extracted, an
 * ahead-of-time cache of its start, and a database cluster already initialised.
 */
public final class GyeolSandbox {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private static GyeolSandbox shared;

    private final Process process;

    private final Path home;

    private final String baseUrl;

    private final String kitKey;

    private final Receivers receivers;

    private GyeolSandbox(Process process, Path home, String baseUrl, String kitKey, Receivers receivers) {
        this.process = process;
        this.home = home;
        this.baseUrl = baseUrl;
        this.kitKey = kitKey;
        this.receivers = receivers;
    }

    /**
     * The gateway of this JVM, started on first use; or, when the system property
     * {@code gyeol.kit.base-url} (environment {@code GYEOL_KIT_BASE_URL}) names one, a
     * gateway already running on this machine, with its test-kit key in
     * {@code gyeol.kit.key} ({@code GYEOL_KIT_KEY}).
     */
    public static synchronized GyeolSandbox get() {
        if (shared == null) {
            String running = setting("gyeol.kit.base-url", "GYEOL_KIT_BASE_URL");
            shared = running == null ? start() : running(running.replaceAll("/+$", ""));
            GyeolSandbox started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "gyeol-sandbox-stop"));
        }
        return shared;
    }

    /** The gateway's base URL, {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return this.baseUrl;
    }

    /**
     * The gateway's log, for a failing test to point at; null for a gateway this kit did
     * not start.
     */
    public Path log() {
        return this.home == null ? null : this.home.resolve("gateway.log");
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A gateway started by hand, checked to answer. */
    private static GyeolSandbox running(String baseUrl) {
        String key = setting("gyeol.kit.key", "GYEOL_KIT_KEY");
        if (key == null) {
            throw new IllegalStateException("gyeol.kit.base-url names a running gateway; name its test-kit key"
                    + " (gyeol.test-kit.key) with -Dgyeol.kit.key=… or GYEOL_KIT_KEY");
        }
        try {
            HttpResponse<Void> health = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (health.statusCode() != 200) {
                throw new IllegalStateException("The gateway at " + baseUrl + " is not ready: HTTP "
                        + health.statusCode() + " from /actuator/health");
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("No gateway answers at " + baseUrl + " (gyeol.kit.base-url): " + e, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        try {
            return new GyeolSandbox(null, null, baseUrl, key, new Receivers());
        }
        catch (IOException e) {
            throw new UncheckedIOException("The kit's webhook receiver did not start", e);
        }
    }

    /**
     * A fresh test-mode partner, with its webhooks going to a new inbox: what
     * {@link GyeolTest} gives each test, for a suite that wants one per class (a Spring
     * context configured once) instead.
     */
    public Gyeol newPartner() {
        Inbox inbox = this.receivers.open();
        TestPartners.TestPartner made = new TestPartners(this.baseUrl, this.kitKey).create(inbox.url());
        GyeolPartner partner = new GyeolPartner(made.cstId(), made.custKey(), made.clientKey(), made.refundKey(),
                made.domains(), made.webhookSecret(), made.gpayServiceId());
        inbox.verifyWith(partner.webhookSecret());
        return new Gyeol(this.baseUrl, partner, inbox, () -> this.receivers.close(inbox));
    }

    static GyeolSandbox start() {
        Path jar = jar();
        Receivers receivers = null;
        Process process = null;
        Path home = null;
        try {
            home = Files.createTempDirectory("gyeol-junit-");
            receivers = new Receivers();
            int port = freePort();
            String kitKey = randomKey();
            String java = ProcessHandle.current().info().command().orElse("java");
            long pid = ProcessHandle.current().pid();
            StartCache.Launch launch = launch(jar, java, pid, home.resolve("data"));
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(launch.jvmOptions());
            command
                .addAll(List.of("-jar", launch.jar().toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                        "--gyeol.data-dir=" + home.resolve("data"), "--gyeol.test-kit.key=" + kitKey,
                        // Stopped with this JVM even when its shutdown hook never runs (a
                        // halt, a kill), the temporary folder then deleted by the
                        // gateway.
                        "--gyeol.test-kit.parent-pid=" + pid, "--gyeol.test-kit.scratch-dir=" + home,
                        // An unknown outcome is settled seconds later, not after the
                        // production delay.
                        "--gyeol.reconciler.delay=2s", "--gyeol.reconciler.interval=1s"));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("gateway.log").toFile())
                .start();
            GyeolSandbox sandbox = new GyeolSandbox(process, home, "http://127.0.0.1:" + port, kitKey, receivers);
            awaitReady(process, sandbox.baseUrl, START_LIMIT);
            return sandbox;
        }
        catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            if (receivers != null) {
                receivers.stop();
            }
            String log = home == null ? "" : "; the gateway's log: " + tail(home.resolve("gateway.log"));
            if (process != null) {
                awaitExit(process);
            }
            if (home != null) {
                delete(home);
            }
            throw new IllegalStateException("The Gyeol gateway did not start from " + jar + ": " + e.getMessage() + log,
                    e);
        }
    }

    /**
     * The jar and JVM options to start from, and the data folder filled from the start
     * cache's template ({@link StartCache}); the jar as it is when the cache is off or
     * fails (said on the standard error, never silently).
     */
    private static StartCache.Launch launch(Path jar, String java, long pid, Path dataDir) {
        try {
            StartCache cache = StartCache.of(jar);
            if (cache == null) {
                return new StartCache.Launch(jar, StartCache.JVM_OPTIONS, null);
            }
            StartCache.Launch launch = cache.prepare(java, pid);
            if (launch.template() != null) {
                StartCache.copyTemplate(launch.template(), dataDir);
            }
            return launch;
        }
        catch (IOException | RuntimeException e) {
            System.err.println("gyeol-junit: starting without the start cache (" + e.getMessage() + ")");
            delete(dataDir);
            return new StartCache.Launch(jar, StartCache.JVM_OPTIONS, null);
        }
    }

    /** Waits until the gateway answers its health check, or fails. */
    static void awaitReady(Process process, String baseUrl, Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("it exited with " + process.exitValue());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // Not listening yet.
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("it did not answer within " + limit.toSeconds() + " s");
    }

    void stop() {
        if (this.process != null) {
            this.process.destroy();
            awaitExit(this.process);
        }
        this.receivers.stop();
        if (this.home != null) {
            delete(this.home);
        }
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path jar() {
        String configured = System.getProperty("gyeol.server.jar", System.getenv("GYEOL_SERVER_JAR"));
        if (configured != null && !configured.isBlank()) {
            Path jar = Path.of(configured);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        "No Gyeol server jar at " + jar.toAbsolutePath() + " (gyeol.server.jar / GYEOL_SERVER_JAR)");
            }
            return jar;
        }
        String version = version();
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path jar = repository
            .resolve(Path.of("kr", "gyeol", "gyeol-server", version, "gyeol-server-" + version + ".jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No Gyeol server jar at " + jar + ": run ./mvnw install in Gyeol's checkout,"
                            + " or name one with -Dgyeol.server.jar=… or GYEOL_SERVER_JAR");
        }
        return jar;
    }

    private static String version() {
        try (InputStream in = GyeolSandbox.class.getResourceAsStream("gyeol-junit.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The kit's gyeol-junit.properties is missing", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }
        catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static void delete(Path directory) {
        for (int attempt = 0; attempt < 5 && Files.exists(directory); attempt++) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            catch (IOException | UncheckedIOException stillInUse) {
                try {
                    Thread.sleep(200);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

}
