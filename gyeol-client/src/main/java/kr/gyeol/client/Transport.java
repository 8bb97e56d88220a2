package kr.gyeol.client;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * How the client moves one HTTP request: the seam that tests replace. The default,
 * {@link HttpClientTransport}, uses the JDK's {@code HttpClient}. An implementation must
 * be thread-safe and must throw {@link IOException} when no answer arrived.
 */
@FunctionalInterface
public interface Transport {

    /** Sends one request and returns the answer, whatever its status. */
    Response send(Request request) throws IOException;

    /**
     * One request with a JSON body (or none).
     *
     * @param method the HTTP method: POST for every Payple call; GET, POST and PUT for
     * Gyeol's {@code /v1} API
     * @param uri where to send it
     * @param headers request headers besides {@code Content-Type}
     * @param body the JSON body, or null for none
     */
    record Request(String method, URI uri, Map<String, String> headers, String body) {

        /** Copies the headers. */
        public Request {
            headers = Map.copyOf(headers);
        }

        /** A POST with a JSON body, as every Payple call is. */
        public Request(URI uri, Map<String, String> headers, String body) {
            this("POST", uri, headers, body);
        }

    }

    /**
     * One answer.
     *
     * @param status the HTTP status
     * @param body the body as text
     */
    record Response(int status, String body) {
    }

}
