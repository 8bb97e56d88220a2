package kr.gyeol.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook receiver on localhost: records every request and answers 500 to the
 * first {@code failures} of them, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String id, String timestamp, String signature, String contentType, String body,
            int answered) {
    }

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final int failures;

    private final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> attemptsById = new java.util.concurrent.ConcurrentHashMap<>();

    public WebhookReceiver(int failures) throws IOException {
        this(failures, 0);
    }

    /** A receiver that also takes {@code delayMillis} to answer. */
    public WebhookReceiver(int failures, long delayMillis) throws IOException {
        this.failures = failures;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        this.server.createContext("/", (exchange) -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                String id = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id"));
                int attempt = this.attemptsById.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
                int status = attempt <= this.failures ? 500 : 200;
                this.received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
                exchange.sendResponseHeaders(status, -1);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(500, -1);
            }
            finally {
                exchange.close();
            }
        });
        this.server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
    }

    /** The requests whose body contains {@code text}, in arrival order. */
    public List<Received> containing(String text) {
        return this.received.stream().filter((request) -> request.body().contains(text)).toList();
    }

    public List<Received> all() {
        return List.copyOf(this.received);
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

}
