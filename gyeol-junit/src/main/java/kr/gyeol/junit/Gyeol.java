package kr.gyeol.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import tools.jackson.databind.json.JsonMapper;

/**
 * One test's view of the gateway: its own test-mode partner, a client for it, the host
 * values a shop configures, and the partner's webhook inbox.
 */
public final class Gyeol implements AutoCloseable {

    private final String baseUrl;

    private final GyeolPartner partner;

    private final Inbox inbox;

    private final Runnable onClose;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonMapper json = JsonMapper.builder().build();

    private GyeolClient client;

    Gyeol(String baseUrl, GyeolPartner partner, Inbox inbox, Runnable onClose) {
        this.baseUrl = baseUrl;
        this.partner = partner;
        this.inbox = inbox;
        this.onClose = onClose;
    }

    /**
     * Arms a fault on the simulated network for this partner's next charges; faults are
     * taken in the order armed, one charge each, and never reach another partner.
     * @throws IllegalArgumentException when the gateway refuses it (its problem's detail)
     */
    public void arm(Fault fault) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", fault.outcome());
        body.put("billingKey", fault.billingKey());
        body.put("declineReason", fault.declineReason());
        body.put("count", fault.count());
        send("POST", "/v1/test/faults", this.json.writeValueAsString(body), 201);
    }

    /** Disarms every fault of this partner still armed. */
    public void disarmAll() {
        send("DELETE", "/v1/test/faults", null, 200);
    }

    /**
     * Settles this partner's payments and refunds whose outcome is unknown now, as the
     * gateway's reconciler does after its wait.
     */
    public void settleNow() {
        send("POST", "/v1/test/settle", null, 200);
    }

    private String send(String method, String path, String body, int expected) {
        String credentials = Base64.getEncoder()
            .encodeToString((this.partner.cstId() + ":" + this.partner.custKey()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        HttpResponse<String> answer;
        try {
            answer = this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException("The gateway did not answer " + method + " " + path, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + path, e);
        }
        if (answer.statusCode() != expected) {
            throw new IllegalArgumentException(
                    method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The gateway's base URL, {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return this.baseUrl;
    }

    /** This test's partner. */
    public GyeolPartner partner() {
        return this.partner;
    }

    /** Where this partner's webhooks arrive. */
    public Inbox inbox() {
        return this.inbox;
    }

    /**
     * A client of this partner (its cst_id, custKey and refund key, pages served from
     * {@code http://localhost}).
     */
    public synchronized GyeolClient client() {
        if (this.client == null) {
            this.client = GyeolClient.builder()
                .hosts(Hosts.gyeol(this.baseUrl))
                .partner(this.partner.cstId(), this.partner.custKey())
                .refundKey(this.partner.refundKey())
                .referer("http://localhost")
                .build();
        }
        return this.client;
    }

    /** Payple's partner authentication URL on this gateway ({@code /php/auth.php}). */
    public String authUrl() {
        return this.baseUrl + "/php/auth.php";
    }

    /** The payment window's script for pages ({@code cpay.payple.1.0.1.js}). */
    public String windowScriptUrl() {
        return this.baseUrl + "/js/cpay.payple.1.0.1.js";
    }

    /** The v1 payment SDK's script ({@code /js/v1/payment.js}). */
    public String sdkScriptUrl() {
        return this.baseUrl + "/js/v1/payment.js";
    }

    /** The overseas card API's base URL (gpay). */
    public String overseasBaseUrl() {
        return this.baseUrl;
    }

    /**
     * What a shop's configuration needs, under {@code prefix}: {@code <prefix>.cst-id},
     * {@code .cust-key}, {@code .client-key}, {@code .refund-key}, {@code .auth-url},
     * {@code .window-script-url}, {@code .sdk-script-url}, {@code .overseas-base-url},
     * {@code .webhook-secret}. A Spring Boot shop registers them in one line:
     * {@code gyeol.properties("payple").forEach((name, value) -> registry.add(name, () -> value))}.
     */
    public Map<String, String> properties(String prefix) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix + ".cst-id", this.partner.cstId());
        properties.put(prefix + ".cust-key", this.partner.custKey());
        properties.put(prefix + ".client-key", this.partner.clientKey());
        properties.put(prefix + ".refund-key", this.partner.refundKey());
        properties.put(prefix + ".auth-url", authUrl());
        properties.put(prefix + ".window-script-url", windowScriptUrl());
        properties.put(prefix + ".sdk-script-url", sdkScriptUrl());
        properties.put(prefix + ".overseas-base-url", overseasBaseUrl());
        properties.put(prefix + ".webhook-secret", this.partner.webhookSecret());
        return properties;
    }

    /** Stops taking this partner's webhooks (a delivery afterwards is answered 410). */
    @Override
    public void close() {
        this.onClose.run();
    }

}
