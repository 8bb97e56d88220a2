package kr.gyeol.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gyeol's own JSON API ({@code /v1}) on the domestic host: HTTP Basic with the partner's
 * id and key, JSON bodies, RFC 9457 problems for errors. Reads (GET) are retried as the
 * retry policy says; changes are sent once.
 */
final class JsonApi {

    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final Wire wire;

    private final Settings settings;

    JsonApi(Wire wire, Settings settings) {
        this.wire = wire;
        this.settings = settings;
    }

    <T> T get(String path, Class<T> type) {
        return call("GET", path, null, JSON.constructType(type));
    }

    <T> T get(String path, JavaType type) {
        return call("GET", path, null, type);
    }

    <T> T send(String method, String path, Object body, Class<T> type) {
        return call(method, path, body, JSON.constructType(type));
    }

    static JavaType listOf(Class<?> element) {
        return JSON.getTypeFactory().constructParametricType(Listing.class, element);
    }

    /** A list answer: {@code {"data": [...]}}. */
    record Listing<T>(java.util.List<T> data) {
    }

    private <T> T call(String method, String path, Object body, JavaType type) {
        URI uri = URI.create(this.settings.hosts().domestic().toString().replaceAll("/+$", "") + path);
        String credentials = Base64.getEncoder()
            .encodeToString(
                    (this.settings.partnerId() + ":" + this.settings.partnerKey()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new java.util.HashMap<>(
                Map.of("Authorization", "Basic " + credentials, "Accept", "application/json"));
        if (!method.equals("GET")) {
            headers.put(Domestic.IDEMPOTENCY_KEY, Domestic.newIdempotencyKey());
        }
        Transport.Request request = new Transport.Request(method, uri, headers,
                body == null ? null : JSON.writeValueAsString(body));
        Transport.Response response = this.wire.send(request, method.equals("GET"), null);
        if (response.status() >= 200 && response.status() < 300) {
            try {
                return JSON.readValue(response.body(), type);
            }
            catch (JacksonException ex) {
                throw new OutcomeUnknownException(null, null, null,
                        "The answer from " + uri.getHost() + " is not the expected JSON", ex);
            }
        }
        throw refusal(response.status(), response.body(), uri);
    }

    /**
     * A JSON API's refusal as the client's exception: the problem document's stable
     * {@code code} and {@code detail} when the body is one, else the status.
     */
    static GyeolException refusal(int status, String body, URI uri) {
        String code = "HTTP" + status;
        String detail = "HTTP " + status + " from " + uri;
        try {
            Map<?, ?> problem = JSON.readValue(body, Map.class);
            if (problem.get("code") instanceof String given) {
                code = given;
            }
            if (problem.get("detail") instanceof String given) {
                detail = given;
            }
        }
        catch (JacksonException ex) {
            // Not a problem document: the status says what there is to say.
        }
        return status == 401 ? new AuthenticationException(code, detail) : new InvalidRequestException(code, detail);
    }

}
