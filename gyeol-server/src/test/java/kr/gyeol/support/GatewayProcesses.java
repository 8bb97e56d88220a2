package kr.gyeol.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged gateway ({@code target/gyeol-server.jar}) as a process of its own, with
 * its log under {@code target/test-logs}: started, awaited and given a test client.
 */
public final class GatewayProcesses {

    private GatewayProcesses() {
    }

    /**
     * Starts {@code java -jar} on {@code port} with {@code arguments}, logging to
     * {@code name}.log.
     */
    public static Process start(String name, int port, List<String> arguments) throws IOException {
        Path jar = Path.of("target/gyeol-server.jar");
        assertThat(jar).exists();
        Path log = log(name);
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public static Path log(String name) {
        return Path.of("target/test-logs/" + name + ".log");
    }

    /** Waits until the gateway answers auth.php, failing if the process exits first. */
    public static PaypleTestClient awaitReady(Process process, int port, String name) throws InterruptedException {
        PaypleTestClient client = new PaypleTestClient("http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("gateway %s exited early; see %s", name, log(name)).isTrue();
            try {
                if ("success".equals(client.auth(Map.of()).get("result"))) {
                    return client;
                }
            }
            catch (AssertionError notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The gateway " + name + " did not answer within 120 s");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops a gateway politely, as a user would. */
    public static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

}
