package kr.gyeol.client;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted {@link Transport}: each path answers from its own queue of replies (the last
 * one repeats), and every request is recorded.
 */
final class FakeGateway implements Transport {

    static final String BASE = "http://gateway.test";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One scripted reply: an answer, or a failure to answer. */
    sealed interface Reply {

    }

    record Answer(int status, String body) implements Reply {
    }

    record Failure(IOException exception) implements Reply {
    }

    /** A request as the gateway saw it. */
    record Seen(String path, Map<String, String> headers, Map<String, Object> body, String method) {
    }

    private final Map<String, Deque<Reply>> replies = new HashMap<>();

    private final List<Seen> seen = new ArrayList<>();

    /** Queues replies for a path (with its query, e.g. {@code /php/auth.php}). */
    synchronized FakeGateway on(String path, Reply... queued) {
        Deque<Reply> queue = this.replies.computeIfAbsent(path, (key) -> new ArrayDeque<>());
        queue.addAll(List.of(queued));
        return this;
    }

    static Answer json(Object... keysAndValues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Answer(200, JSON.writeValueAsString(body));
    }

    static Failure noAnswer() {
        return new Failure(new java.net.http.HttpTimeoutException("request timed out"));
    }

    /** A successful auth.php answer that hands out {@code path}. */
    static Answer session(String path) {
        return json("result", "success", "result_msg", "사용자 인증 완료!!", "cst_id", "cstToken", "custKey", "keyToken",
                "AuthKey", "auth-" + path.hashCode(), "PCD_PAY_HOST", BASE, "PCD_PAY_URL", path, "return_url",
                BASE + path);
    }

    @Override
    public synchronized Response send(Request request) throws IOException {
        String path = request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        this.seen.add(new Seen(path, request.headers(), request.body() == null ? Map.of()
                : JSON.readValue(request.body(), new TypeReference<Map<String, Object>>() {
                }), request.method()));
        Deque<Reply> queue = this.replies.get(path);
        if (queue == null || queue.isEmpty()) {
            throw new AssertionError("Nothing scripted for " + path);
        }
        Reply reply = queue.size() > 1 ? queue.poll() : queue.peek();
        if (reply instanceof Failure failure) {
            throw failure.exception();
        }
        Answer answer = (Answer) reply;
        return new Response(answer.status(), answer.body());
    }

    synchronized List<Seen> seen() {
        return List.copyOf(this.seen);
    }

    synchronized long count(String path) {
        return this.seen.stream().filter((request) -> request.path().equals(path)).count();
    }

}
