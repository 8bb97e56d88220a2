package kr.gyeol.e2e.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A partner's webhook receiver on localhost that keeps every delivery and answers 200,
 * after a delay if it is given one (a slow receiver). Requests are served concurrently.
 */
public final class WebhookInbox implements AutoCloseable {

    /** One delivery: its headers (lower-case names), content type and raw body. */
    public record Delivery(Map<String, String> headers, String body) {

        public String header(String name) {
            return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

    }

    private final HttpServer server;

    private final List<Delivery> deliveries = new ArrayList<>();

    private volatile boolean down;

    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();

    public WebhookInbox() throws IOException {
        this(Duration.ZERO);
    }

    /** A receiver that takes {@code delay} over each delivery before it answers. */
    public WebhookInbox(Duration delay) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.setExecutor(this.handlers);
        this.server.createContext("/", (exchange) -> {
            if (this.down) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!delay.isZero()) {
                    try {
                        Thread.sleep(delay);
                    }
                    catch (InterruptedException stopping) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                synchronized (this.deliveries) {
                    this.deliveries.add(new Delivery(headers, body));
                    this.deliveries.notifyAll();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        this.server.start();
    }

    /**
     * While down, every delivery is answered 503, as a receiver that is being deployed.
     */
    public void down(boolean down) {
        this.down = down;
    }

    /** Every delivery accepted so far. */
    public List<Delivery> all() {
        synchronized (this.deliveries) {
            return List.copyOf(this.deliveries);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
    }

    /** The first delivery that matches, waiting up to {@code timeout} for it. */
    public Delivery await(Predicate<Delivery> match, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (this.deliveries) {
            while (true) {
                for (Delivery delivery : this.deliveries) {
                    if (match.test(delivery)) {
                        return delivery;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("No matching webhook in " + timeout + "; got " + this.deliveries.size());
                }
                this.deliveries.wait(left);
            }
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.handlers.shutdownNow();
    }

}
