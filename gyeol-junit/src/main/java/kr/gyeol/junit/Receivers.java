package kr.gyeol.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The inboxes' one HTTP server on 127.0.0.1: each inbox at a path of its own, so the
 * gateway delivers each partner's webhooks to the test that owns the partner. A delivery
 * to an inbox that is closed (its test ended) is answered 410 and lands nowhere.
 */
final class Receivers {

    private final HttpServer server;

    private final ExecutorService threads = Executors.newFixedThreadPool(8, (task) -> {
        Thread thread = new Thread(task, "gyeol-inbox");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, Inbox> open = new ConcurrentHashMap<>();

    private final SecureRandom random = new SecureRandom();

    Receivers() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        this.server.createContext("/inbox/", this::receive);
        this.server.setExecutor(this.threads);
        this.server.start();
    }

    /** A new inbox at a path of its own. */
    Inbox open() {
        byte[] bytes = new byte[12];
        this.random.nextBytes(bytes);
        String path = "/inbox/" + HexFormat.of().formatHex(bytes);
        Inbox inbox = new Inbox("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
        this.open.put(path, inbox);
        return inbox;
    }

    void close(Inbox inbox) {
        this.open.values().remove(inbox);
    }

    void stop() {
        this.server.stop(0);
        this.threads.shutdownNow();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Inbox inbox = this.open.get(exchange.getRequestURI().getPath());
            if (inbox == null || !"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(inbox == null ? 410 : 405, -1);
                return;
            }
            int status = inbox.accept(exchange.getRequestHeaders()::getFirst,
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            exchange.sendResponseHeaders(status, -1);
        }
    }

}
