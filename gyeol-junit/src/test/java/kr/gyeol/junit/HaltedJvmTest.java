package kr.gyeol.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A test JVM that ends without running its shutdown hooks leaves no gateway running and
 * no temporary folder behind: the gateway watches the JVM that started it.
 */
class HaltedJvmTest {

    @Test
    void theGatewayOfAHaltedTestJvmStopsAndDeletesItsFolder() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dgyeol.server.jar=" + System.getProperty("gyeol.server.jar"), HaltingJvm.class.getName())
            .redirectErrorStream(true)
            .start();
        Map<String, String> said = new HashMap<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("BASE ") || line.startsWith("HOME ")) {
                    said.put(line.substring(0, 4), line.substring(5));
                }
            }
        }
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(said).containsKeys("BASE", "HOME");
        Path home = Path.of(said.get("HOME"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(said.get("BASE") + "/actuator/health"))
            .timeout(Duration.ofSeconds(2))
            .build();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean answering = true;
        while (System.nanoTime() < deadline && (answering || Files.exists(home))) {
            try {
                answering = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() > 0;
            }
            catch (IOException gone) {
                answering = false;
            }
            Thread.sleep(200);
        }
        assertThat(answering).as("the gateway still answers at %s", said.get("BASE")).isFalse();
        assertThat(home).as("the gateway's temporary folder").doesNotExist();
    }

}
