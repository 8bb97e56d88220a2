package kr.gyeol.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A small load balancer in front of gateway nodes, as an operator's would be: each
 * request goes to the next node in turn; a node that refuses the connection (it is down)
 * is skipped for the next; a node that dies mid-request makes the request fail with 502,
 * never resent (it may have been carried out).
 */
public final class RoundRobinProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "keep-alive", "upgrade", "expect");

    private final HttpServer server;

    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2))
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();

    private final List<String> nodes = new CopyOnWriteArrayList<>();

    private final AtomicInteger next = new AtomicInteger();

    private final AtomicLong requests = new AtomicLong();

    private final AtomicLong failed = new AtomicLong();

    public RoundRobinProxy() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server.createContext("/", (exchange) -> {
            this.requests.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String pathAndQuery = exchange.getRequestURI().toString();
            HttpResponse<byte[]> answer = null;
            for (int tried = 0; tried < Math.max(1, this.nodes.size()) && answer == null; tried++) {
                String node = this.nodes.get(Math.floorMod(this.next.getAndIncrement(), this.nodes.size()));
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + pathAndQuery))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))
                            && !name.toLowerCase(java.util.Locale.ROOT).startsWith("x-forwarded-")) {
                        values.forEach((value) -> request.header(name, value));
                    }
                });
                // As a load balancer tells its backends: the URLs they hand out
                // (return_url)
                // then point at the proxy, so every call of a flow comes through it.
                request.header("X-Forwarded-Host", "127.0.0.1:" + this.server.getAddress().getPort());
                request.header("X-Forwarded-Proto", "http");
                try {
                    answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                }
                catch (ConnectException down) {
                    // Nothing was sent: the next node may take it.
                }
                catch (IOException | InterruptedException cut) {
                    break;
                }
            }
            if (answer == null) {
                this.failed.incrementAndGet();
                exchange.sendResponseHeaders(502, -1);
                exchange.close();
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        this.server.start();
    }

    /** Sends to these nodes from now on (base URLs). */
    public void route(List<String> baseUrls) {
        this.nodes.clear();
        this.nodes.addAll(baseUrls);
    }

    public String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    /** Requests received, and those answered 502 (their node died under them). */
    public long requests() {
        return this.requests.get();
    }

    public long failed() {
        return this.failed.get();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

}
