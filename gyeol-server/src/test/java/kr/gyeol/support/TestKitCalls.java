package kr.gyeol.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test kit's JSON calls as a shop's tests make them: a throw-away test-mode partner,
 * and any call with an {@code Authorization} header.
 */
public final class TestKitCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestKitCalls() {
    }

    /** A JSON call ({@code body} null for none) with this {@code Authorization}. */
    public static HttpResponse<String> send(String baseUrl, String method, String path, String authorization,
            String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A new test-mode partner ({@code POST /v1/test-kit/partners} with {@code body}): the
     * fields of its 201 answer ({@code cstId}, {@code custKey}, {@code refundKey},
     * {@code webhookSecret}, …).
     */
    public static Map<String, Object> newPartner(String baseUrl, String body) throws IOException, InterruptedException {
        HttpResponse<String> made = send(baseUrl, "POST", "/v1/test-kit/partners", "Bearer " + GatewayTest.TEST_KIT_KEY,
                body);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return JSON.readValue(made.body(), new TypeReference<Map<String, Object>>() {
        });
    }

}
