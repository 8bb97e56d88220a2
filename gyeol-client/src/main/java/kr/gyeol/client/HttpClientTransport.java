package kr.gyeol.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The default {@link Transport}: one shared JDK {@code HttpClient} with a connect
 * timeout, and a timeout per request.
 */
public final class HttpClientTransport implements Transport {

    private final HttpClient http;

    private final Duration requestTimeout;

    /**
     * A transport with its own HTTP client.
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for a whole answer
     */
    public HttpClientTransport(Duration connectTimeout, Duration requestTimeout) {
        this.http = HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Response send(Request request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
            .timeout(this.requestTimeout)
            .header("Cache-Control", "no-cache")
            .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (request.body() != null) {
            builder.header("Content-Type", "application/json; charset=UTF-8");
        }
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = this.http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for " + request.uri());
        }
    }

}
