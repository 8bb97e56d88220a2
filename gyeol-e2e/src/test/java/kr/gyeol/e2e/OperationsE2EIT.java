package kr.gyeol.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.OutcomeUnknownException;
import kr.gyeol.client.PayType;
import kr.gyeol.client.Payer;
import kr.gyeol.e2e.support.GatewayProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator watches, on the packaged gateway: liveness and readiness, the version
 * and commit, Prometheus meters whose counts match a scripted set of charges, and log
 * lines as JSON objects that carry the request id and the partner of each call.
 */
class OperationsE2EIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EmbeddedGateways gateways = new EmbeddedGateways();

    private GatewayProcess gateway;

    @AfterEach
    void stop() throws Exception {
        this.gateways.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(this.gateway.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The value of one sample of the Prometheus text format: the line of {@code name}
     * with every given label; 0 when there is none yet.
     */
    static double sample(String scrape, String name, Map<String, String> labels) {
        return scrape.lines()
            .filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
            .filter((line) -> labels.entrySet()
                .stream()
                .allMatch((label) -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
            .mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }

    @Test
    void probesInfoMetersAndJsonLogsTellAnOperatorWhatHappened() throws Exception {
        List<String> arguments = new ArrayList<>(ClientE2ECases.SETTINGS);
        arguments.add("--logging.structured.format.console=logstash");
        this.gateway = this.gateways.start("operations", this.gateways.dataDirectory("operations-"),
                arguments.toArray(String[]::new));

        assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        JsonNode info = JsonMapper.builder().build().readTree(get("/actuator/info").body());
        assertThat(info.path("build").path("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.path("git").path("commit").path("id").asString()).as("the commit built").isNotBlank();

        // The script: three approvals, a decline, an unknown outcome the reconciler
        // settles as approved.
        GyeolClient client = ClientE2ECases.clientOf(this.gateway);
        String good = client.billingKeys()
            .registerCard(new CardRegistration(Payer.NONE, "900101", ClientE2ECases.CARD, "30", "12", "12"))
            .id();
        String declining = client.billingKeys()
            .registerCard(new CardRegistration(Payer.NONE, "900101", "4000000000000002", "30", "12", "12"))
            .id();
        String slow = client.billingKeys()
            .registerCard(new CardRegistration(Payer.NONE, "900101", "4000000000000119", "30", "12", "12"))
            .id();
        for (int i = 0; i < 3; i++) {
            assertThat(client.payments().charge(Charge.builder(PayType.CARD, good, "운영", 1_000).build()))
                .isInstanceOf(ChargeResult.Approved.class);
        }
        assertThat(client.payments().charge(Charge.builder(PayType.CARD, declining, "운영", 1_000).build()))
            .isInstanceOf(ChargeResult.Declined.class);
        assertThatThrownBy(() -> client.payments().charge(Charge.builder(PayType.CARD, slow, "운영", 1_000).build()))
            .isInstanceOf(OutcomeUnknownException.class);

        Map<String, String> card = Map.of("api", "payple", "instrument", "card");
        String scrape = get("/actuator/prometheus").body();
        assertThat(sample(scrape, "gyeol_charges_total", with(card, "result", "approved"))).isEqualTo(3);
        assertThat(sample(scrape, "gyeol_charges_total", with(card, "result", "declined"))).isEqualTo(1);
        assertThat(sample(scrape, "gyeol_charges_total", with(card, "result", "unknown"))).isEqualTo(1);
        // Three card checks at registration, five charges; the network's latency of each.
        assertThat(sample(scrape, "gyeol_network_calls_seconds_count", Map.of("call", "verifyCard"))).isEqualTo(3);
        assertThat(sample(scrape, "gyeol_network_calls_seconds_count", Map.of("call", "approve"))).isEqualTo(5);
        assertThat(sample(scrape, "gyeol_network_calls_seconds_count", Map.of("call", "approve", "outcome", "unknown")))
            .isEqualTo(1);
        assertThat(sample(scrape, "gyeol_payple_operations_seconds_count", Map.of("operation", "SIMPLE_PAY_CARD")))
            .isEqualTo(5);
        assertThat(scrape).contains("gyeol_payple_operations_seconds_bucket{").contains("hikaricp_connections_active");

        // The reconciler settles the unknown one, and the gauges come back to zero.
        await("the unknown charge settled").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> sample(get("/actuator/prometheus").body(), "gyeol_settlements_total",
                    Map.of("result", "approved")) == 1);
        scrape = get("/actuator/prometheus").body();
        assertThat(sample(scrape, "gyeol_reconciler_backlog", Map.of())).isZero();
        // No receiver is configured: no event was written, none waits.
        assertThat(sample(scrape, "gyeol_outbox_backlog", Map.of())).isZero();

        // Every line is a JSON object; a charge's line names its request and partner.
        List<String> lines = Files.readAllLines(this.gateway.log())
            .stream()
            .filter((line) -> line.startsWith("{"))
            .toList();
        assertThat(lines).isNotEmpty();
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> charges = new ArrayList<>();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            if (entry.path("message").asString().startsWith("Payment ")
                    && entry.path("message").asString().endsWith(": APPROVED")) {
                charges.add(entry);
            }
        }
        assertThat(charges).hasSize(3).allSatisfy((entry) -> {
            assertThat(entry.path("requestId").asString()).isNotBlank();
            assertThat(entry.path("partnerId").asString()).isEqualTo("test");
        });
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put(name, value);
        return all;
    }

}
