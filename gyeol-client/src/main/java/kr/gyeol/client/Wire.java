package kr.gyeol.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON POST and its answer, with the retry rule: only a call the caller marks
 * idempotent is tried again, and only after a connection error or an HTTP 5xx.
 */
final class Wire {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Waits between retries; tests replace it to run without sleeping. */
    interface Sleeper {

        void sleep(Duration duration) throws InterruptedException;

    }

    private final Transport transport;

    private final RetryPolicy retries;

    private final Sleeper sleeper;

    Wire(Transport transport, RetryPolicy retries, Sleeper sleeper) {
        this.transport = transport;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    /**
     * Posts {@code body} as JSON and returns the answer's JSON object.
     * @param orderId the order the call is about, for the exception; may be null
     * @throws OutcomeUnknownException when no usable answer arrived
     */
    Map<String, Object> post(URI uri, Map<String, ?> body, Map<String, String> headers, boolean idempotent,
            String orderId) {
        Transport.Response response = send(new Transport.Request(uri, headers, JSON.writeValueAsString(body)),
                idempotent, orderId);
        if (response.status() != 200) {
            // Payple answers every business error with 200; anything else is a wrong
            // URL or a proxy in the way, and sending it again will not change it.
            throw new InvalidRequestException("HTTP" + response.status(), "HTTP " + response.status() + " from " + uri);
        }
        try {
            return JSON.readValue(response.body(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        }
        catch (JacksonException ex) {
            throw new OutcomeUnknownException(null, null, orderId,
                    "The answer from " + uri.getHost() + " is not a JSON object", ex);
        }
    }

    /**
     * Sends a request and returns the first answer below HTTP 500; an idempotent one is
     * tried again after a connection error or a 5xx, as the retry policy says.
     * @throws OutcomeUnknownException when no such answer arrived
     */
    Transport.Response send(Transport.Request request, boolean idempotent, String orderId) {
        URI uri = request.uri();
        int attempts = idempotent ? 1 + this.retries.maxRetries() : 1;
        Exception last = null;
        String lastProblem = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pause(attempt - 1, orderId);
            }
            Transport.Response response;
            try {
                response = this.transport.send(request);
            }
            catch (IOException ex) {
                last = ex;
                lastProblem = "No answer from " + uri.getHost() + " (" + ex.getClass().getSimpleName() + ")";
                continue;
            }
            if (response.status() >= 500) {
                last = null;
                lastProblem = "HTTP " + response.status() + " from " + uri.getHost();
                continue;
            }
            return response;
        }
        throw new OutcomeUnknownException(null, null, orderId,
                lastProblem + (attempts > 1 ? " after " + attempts + " attempts" : ""), last);
    }

    private void pause(int retry, String orderId) {
        try {
            this.sleeper.sleep(this.retries.delay(retry, ThreadLocalRandom.current().nextDouble()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new OutcomeUnknownException(null, null, orderId, "Interrupted before a retry", ex);
        }
    }

    /**
     * The answer's values as text, the way Payple's own clients read them (spec §4.12).
     */
    static Map<String, String> strings(Map<String, Object> answer) {
        Map<String, String> strings = new LinkedHashMap<>();
        answer.forEach((key, value) -> {
            if (value != null && !(value instanceof Map) && !(value instanceof Iterable)) {
                strings.put(key, value.toString());
            }
        });
        return strings;
    }

}
