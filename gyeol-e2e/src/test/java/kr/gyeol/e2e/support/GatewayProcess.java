package kr.gyeol.e2e.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The packaged gateway ({@code gyeol-server.jar}) as an operator runs it: a separate
 * {@code java -jar} process on a free port, its output in a log file under
 * {@code target/e2e}. Stopped with SIGTERM when closed.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;

    private final int port;

    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar and waits until it answers partner authentication.
     * @param name names the log file
     * @param arguments {@code --key=value} settings besides the port
     */
    public static GatewayProcess start(String name, List<String> arguments) throws IOException, InterruptedException {
        int port = freePort();
        GatewayProcess gateway = new GatewayProcess(launch(name, port, arguments), port, log(name));
        gateway.awaitReady();
        return gateway;
    }

    /**
     * Starts the jar for a gateway that is expected not to come up and waits for it to
     * exit; its exit value (its output is in {@link #log(String)}).
     */
    public static int exitValueOf(String name, List<String> arguments, Duration limit)
            throws IOException, InterruptedException {
        Process process = launch(name, freePort(), arguments);
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("The gateway " + name + " still ran after " + limit + "; see " + log(name));
        }
        return process.exitValue();
    }

    private static Process launch(String name, int port, List<String> arguments) throws IOException {
        Path jar = Path.of(System.getProperty("gyeol.server.jar", "../gyeol-server/target/gyeol-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No server jar at " + jar.toAbsolutePath() + "; run mvn verify from the root");
        }
        Path log = log(name);
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The log file of the gateway named {@code name}. */
    public static Path log(String name) {
        return work().resolve(name + ".log");
    }

    /** Where the tests keep their logs and data. */
    public static Path work() {
        return Path.of(System.getProperty("gyeol.e2e.work", "target/e2e"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + this.port;
    }

    public Path log() {
        return this.log;
    }

    public int port() {
        return this.port;
    }

    public boolean isAlive() {
        return this.process.isAlive();
    }

    /** Waits for the gateway to exit on its own; its exit value. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!this.process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The gateway still ran after " + limit + "; see " + this.log);
        }
        return this.process.exitValue();
    }

    private void awaitReady() throws InterruptedException {
        HttpRequest probe = HttpRequest
            .newBuilder(URI.create(baseUrl() + "/php/auth.php?cst_id=test&custKey=abcd1234567890"))
            .header("Referer", "http://localhost:8080")
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
        try {
            await("the gateway answering auth.php").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .failFast(() -> !this.process.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    HttpResponse<String> response = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && response.body().contains("\"success\"");
                });
        }
        catch (ConditionTimeoutException | TerminalFailureException notReady) {
            String why = this.process.isAlive() ? "The gateway did not get ready in 180 s"
                    : "The gateway exited with " + this.process.exitValue();
            close();
            throw new IllegalStateException(why + "; see " + this.log, notReady);
        }
    }

    /** Deletes a data directory the tests made, once its gateway has stopped. */
    public static void delete(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Kills the process with SIGKILL, as a crash or the OOM killer would: no shutdown
     * hook, no graceful drain, whatever it was doing is cut off.
     */
    public void kill() throws InterruptedException {
        this.process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (this.process.isAlive()) {
            this.process.destroy();
            if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                this.process.destroyForcibly().waitFor();
            }
        }
    }

}
