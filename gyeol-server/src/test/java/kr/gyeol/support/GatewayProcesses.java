package kr.gyeol.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    public static PaypleTestClient awaitReady(Process process, int port, String name) {
        PaypleTestClient client = new PaypleTestClient("http://127.0.0.1:" + port);
        await("gateway " + name + " answering auth.php").atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(250))
            .failFast("gateway " + name + " exited early; see " + log(name), () -> !process.isAlive())
            .untilAsserted(() -> assertThat(client.auth(Map.of())).containsEntry("result", "success"));
        return client;
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
