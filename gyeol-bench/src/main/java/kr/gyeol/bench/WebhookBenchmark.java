package kr.gyeol.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.Payer;
import kr.gyeol.client.RetryPolicy;

/**
 * Webhooks at the speed of charges. A receiver of its own on loopback answers every POST
 * at once (204, kept-alive connections) and counts deliveries by {@code webhook-id}; the
 * partner's webhook URL is set to it. Then, side by side in one run:
 * <ol>
 * <li><b>sustained</b>: {@code --clients} clients charge for {@code --seconds}; every
 * second one line with the charges approved and the webhooks received in that second and
 * the backlog (approved charges not yet delivered); then how long the backlog took to
 * drain, and the outbox lag, commit to 2xx, p50/p99/max, from the database's own
 * timestamps (an event's {@code created_at} in the charge's transaction, its delivered
 * attempt's start plus its latency);</li>
 * <li><b>burst</b>: {@code --burst} events put straight into the outbox, all due at once
 * (copies of a delivered event, new ids), and their drain: events/s every second and in
 * all.</li>
 * </ol>
 * Each event id must arrive exactly once; duplicates are counted and printed.
 */
public final class WebhookBenchmark {

    private static final String APPROVING_CARD = "4242424242424242";

    private final Map<String, String> options;

    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();

    private final AtomicLong deliveries = new AtomicLong();

    private final AtomicLong duplicates = new AtomicLong();

    private WebhookBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!given.containsKey("base") || !given.containsKey("jdbc-url")) {
            System.err.println("usage: gyeol-bench webhooks --base URL[,URL...] --jdbc-url URL [--jdbc-user U]"
                    + " [--jdbc-password P] [--clients 64] [--seconds 20] [--keys 200] [--burst 100000]");
            System.exit(64);
        }
        new WebhookBenchmark(given).run(System.out);
    }

    private int number(String name, int otherwise) {
        return Integer.parseInt(this.options.getOrDefault(name, Integer.toString(otherwise)));
    }

    private void run(PrintStream out) throws Exception {
        List<String> bases = List.of(this.options.get("base").split(","));
        String partner = this.options.getOrDefault("partner", "test");
        String partnerKey = this.options.getOrDefault("partner-key", "abcd1234567890");
        int clients = number("clients", 64);
        int seconds = number("seconds", 20);
        int burst = number("burst", 100_000);

        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hook", (exchange) -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null) {
                if (this.received.computeIfAbsent(id, (key) -> new AtomicLong()).incrementAndGet() > 1) {
                    this.duplicates.incrementAndGet();
                }
                this.deliveries.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            configureReceiver(bases.get(0), partner, partnerKey,
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            try (Connection db = DriverManager.getConnection(this.options.get("jdbc-url"),
                    this.options.getOrDefault("jdbc-user", "postgres"),
                    this.options.getOrDefault("jdbc-password", ""))) {
                sustained(out, db, bases, partner, partnerKey, clients, seconds);
                burst(out, db, partner, burst);
            }
            out.printf("duplicates=%d (each event id must arrive once)%n", this.duplicates.get());
        }
        finally {
            receiver.stop(0);
        }
    }

    private static void configureReceiver(String base, String partner, String partnerKey, String url)
            throws IOException, InterruptedException {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((partner + ":" + partnerKey).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(base + "/admin/webhooks"))
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"resultUrl\":\"" + url + "\",\"format\":\"JSON\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Could not set the webhook receiver: " + answer.body());
        }
    }

    private void sustained(PrintStream out, Connection db, List<String> bases, String partner, String partnerKey,
            int clients, int seconds) throws Exception {
        GyeolClient client = GyeolClient.builder()
            .hosts(Hosts.gyeol(bases.get(0)))
            .partner(partner, partnerKey)
            .referer("http://localhost:8080")
            .retries(RetryPolicy.NONE)
            .requestTimeout(Duration.ofSeconds(30))
            .build();
        List<String> keys = new ArrayList<>();
        CardRegistration card = new CardRegistration(Payer.NONE, "900101", APPROVING_CARD, "30", "12", "12");
        for (int i = 0; i < number("keys", 200); i++) {
            keys.add(client.billingKeys().registerCard(card).id());
        }
        int warmup = number("warmup", 20);
        AtomicLong approved = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        out.printf("sustained: %d clients charging for %d s after %d s of warm-up, a webhook per approved charge%n",
                clients, seconds, warmup);
        long receivedBefore;
        long approvedBefore;
        Instant phaseStart;
        try (PaypleCharges charges = new PaypleCharges(bases, partner, partnerKey, clients);
                ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int number = c;
                pool.submit(() -> {
                    long sequence = 0;
                    while (!stop.get()) {
                        String key = keys.get((int) ((number + sequence * clients) % keys.size()));
                        try {
                            if (charges.charge(number, key, "wh-" + number + "-" + System.nanoTime())) {
                                approved.incrementAndGet();
                            }
                            else {
                                failures.incrementAndGet();
                            }
                        }
                        catch (IOException | RuntimeException failed) {
                            failures.incrementAndGet();
                        }
                        sequence++;
                    }
                    return null;
                });
            }
            // The JIT needs a while on 2 cores: charges and webhooks run first,
            // unmeasured.
            Thread.sleep(Duration.ofSeconds(warmup));
            phaseStart = Instant.now();
            receivedBefore = this.deliveries.get();
            approvedBefore = approved.get();
            long lastApproved = approvedBefore;
            long lastReceived = receivedBefore;
            for (int second = 1; second <= seconds; second++) {
                Thread.sleep(1_000);
                long nowApproved = approved.get();
                long nowReceived = this.deliveries.get();
                out.printf("  t=%3ds charges/s=%5d webhooks/s=%5d backlog=%6d%n", second, nowApproved - lastApproved,
                        nowReceived - lastReceived, nowApproved - nowReceived);
                lastApproved = nowApproved;
                lastReceived = nowReceived;
            }
            stop.set(true);
        }
        long total = approved.get() - approvedBefore;
        long drainStarted = System.nanoTime();
        while (this.deliveries.get() < approved.get()
                && System.nanoTime() - drainStarted < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(20);
        }
        double drain = (System.nanoTime() - drainStarted) / 1e9;
        out.printf(
                "sustained: charges/s=%.1f webhooks/s=%.1f approved=%d failures=%d delivered=%d,"
                        + " backlog drained %.2f s after the charges stopped%n",
                total / (double) seconds, (this.deliveries.get() - receivedBefore) / (seconds + drain), total,
                failures.get(), this.deliveries.get() - receivedBefore, drain);
        try (PreparedStatement lag = db.prepareStatement("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms), percentile_cont(0.99)
                       WITHIN GROUP (ORDER BY lag_ms), max(lag_ms), count(*)
                FROM (SELECT extract(epoch FROM (a.attempted_at - e.created_at)) * 1000 + a.latency_ms AS lag_ms
                      FROM webhook_events e JOIN webhook_attempts a ON a.event_id = e.id AND a.delivered
                      WHERE e.partner_id = ? AND e.created_at >= ?) lags
                """)) {
            lag.setString(1, this.options.getOrDefault("partner", "test"));
            lag.setTimestamp(2, Timestamp.from(phaseStart));
            try (ResultSet row = lag.executeQuery()) {
                row.next();
                out.printf("sustained: outbox lag (commit to 2xx) p50_ms=%.1f p99_ms=%.1f max_ms=%.1f events=%d%n",
                        row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getLong(4));
            }
        }
    }

    private void burst(PrintStream out, Connection db, String partner, int size) throws Exception {
        if (size == 0) {
            return;
        }
        long receivedBefore = this.deliveries.get();
        String run = Long.toString(System.nanoTime(), 36);
        try (PreparedStatement fill = db.prepareStatement("""
                INSERT INTO webhook_events (id, partner_id, type, subject_id, status, next_attempt_at, created_at,
                                            attempts)
                SELECT 'evt_burst_' || ? || '_' || g, e.partner_id, e.type, e.subject_id, 'PENDING', now(), now(), 0
                FROM (SELECT partner_id, type, subject_id FROM webhook_events
                      WHERE partner_id = ? AND status = 'DELIVERED' LIMIT 1) e
                CROSS JOIN generate_series(1, ?) g
                """)) {
            fill.setString(1, run);
            fill.setString(2, partner);
            fill.setInt(3, size);
            int inserted = fill.executeUpdate();
            out.printf("burst: %d events put in the outbox, all due now%n", inserted);
        }
        long started = System.nanoTime();
        long last = receivedBefore;
        int second = 0;
        while (this.deliveries.get() - receivedBefore < size
                && System.nanoTime() - started < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(1_000);
            second++;
            long now = this.deliveries.get();
            if (second % 5 == 0 || now - receivedBefore >= size) {
                out.printf("  t=%3ds events/s=%5d backlog=%6d%n", second, now - last, size - (now - receivedBefore));
            }
            last = now;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        out.printf("burst: %d of %d events delivered in %.1f s: %.0f events/s%n",
                this.deliveries.get() - receivedBefore, size, elapsed,
                (this.deliveries.get() - receivedBefore) / elapsed);
    }

}
