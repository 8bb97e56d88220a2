package kr.gyeol.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes throw-away test-mode partners on a Gyeol gateway whose operator turned the test
 * kit on ({@code gyeol.test-kit.key}): {@code POST /v1/test-kit/partners}, with that key
 * as a bearer token. What {@code gyeol-junit} gives each test.
 */
public final class TestPartners {

    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final URI baseUrl;

    private final String kitKey;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param baseUrl the gateway, {@code http://127.0.0.1:8080}
     * @param kitKey its {@code gyeol.test-kit.key}
     */
    public TestPartners(String baseUrl, String kitKey) {
        this.baseUrl = URI.create(baseUrl.replaceAll("/+$", ""));
        this.kitKey = kitKey;
    }

    /**
     * A new partner's credentials, shown once.
     *
     * @param cstId the partner id
     * @param custKey the partner key
     * @param webhookSecret the secret its webhooks are signed with, or null without a
     * receiver
     * @param gpayServiceId its {@code service_id} on the overseas API
     * ({@code service_key} is the custKey)
     */
    public record TestPartner(String cstId, String custKey, String clientKey, String refundKey, List<String> domains,
            String webhookUrl, String webhookSecret, String gpayServiceId) {

        /** The id only: the keys are secrets, even in a test's log. */
        @Override
        public String toString() {
            return "TestPartner[" + this.cstId + "]";
        }

    }

    /**
     * Makes a test-mode partner whose webhooks go to {@code webhookUrl} (null: none).
     * @throws InvalidRequestException when the gateway refuses (its problem's code)
     * @throws AuthenticationException when the key is not the gateway's
     */
    public TestPartner create(String webhookUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("webhookUrl", webhookUrl);
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/v1/test-kit/partners"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + this.kitKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
            .build();
        HttpResponse<String> answer;
        try {
            answer = this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new OutcomeUnknownException(null, null, null, "The gateway did not answer POST /v1/test-kit/partners",
                    e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutcomeUnknownException(null, null, null, "Interrupted making a test partner", e);
        }
        if (answer.statusCode() == 201) {
            return JSON.readValue(answer.body(), TestPartner.class);
        }
        throw JsonApi.refusal(answer.statusCode(), answer.body(), request.uri());
    }

}
