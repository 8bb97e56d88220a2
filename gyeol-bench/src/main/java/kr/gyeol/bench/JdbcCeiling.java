package kr.gyeol.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The second, tighter reference of {@code bench/run.sh} (issue 26): the two commits of a
 * charge ({@code bench/payment-two-commits.sql}) from a minimal Java program over JDBC,
 * with prepared statements, one connection per client as the gateway's pool holds one per
 * request in flight, and no HTTP. It is what the gateway's charge would cost with nothing
 * of the gateway around it: the same driver, the same statements, the same keys.
 *
 * <p>
 * {@code java -jar gyeol-bench.jar jdbc --url jdbc:postgresql://... --user U --password P
 * --clients 64 --seconds 20 --warmup 5 --keys-from FILE}; the password may come from
 * {@code PGPASSWORD} instead. Prints one line: charges/s, mean, p50, p99 and maximum
 * latency of the two commits, the number of charges and of failures.
 */
final class JdbcCeiling {

    private static final String PARTNER = """
            SELECT id, secret_hash, refund_key_hash, client_key, mode, referer_check, domains
            FROM partners WHERE id = 'test'""";

    private static final String SPEND = """
            INSERT INTO auth_key_uses (nonce, expires_at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING""";

    private static final String LOCK_KEY = "SELECT id, key_id, ciphertext FROM billing_keys WHERE id = ? FOR SHARE";

    private static final String PENDING = """
            INSERT INTO payments (id, partner_id, order_id, billing_key_id, instrument, masked_number,
                institution_code, institution_name, status, amount, vat, taxable, goods, monthly, cash_receipt,
                network_reference, requested_at, reconcile_after)
            VALUES (?, 'test', ?, ?, 'CARD', '4242-****-****-4242', '0400', '신한카드', 'PENDING', 1000, 91, true,
                'bench', false, false, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private static final String APPROVED = """
            UPDATE payments SET status = 'APPROVED', approval_number = '12345678', completed_at = ?,
                reconcile_after = NULL
            WHERE id = ? AND status = 'PENDING'""";

    private static final String EVENT = """
            INSERT INTO webhook_events (id, partner_id, type, subject_id, status, attempts, next_attempt_at,
                created_at)
            SELECT ?, partner_id, 'PAYMENT', ?, 'PENDING', 0, ?, ? FROM webhook_endpoints
            WHERE partner_id = 'test' AND result_url IS NOT NULL""";

    private JdbcCeiling() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = given.get("url");
        String keysFrom = given.get("keys-from");
        if (url == null || keysFrom == null) {
            System.err.println("usage: gyeol-bench jdbc --url JDBC_URL --keys-from FILE [--user U] [--password P]"
                    + " [--clients 64] [--seconds 20] [--warmup 5]");
            System.exit(64);
        }
        Properties login = new Properties();
        login.setProperty("user", given.getOrDefault("user", "postgres"));
        String password = given.getOrDefault("password", System.getenv("PGPASSWORD"));
        if (password != null) {
            login.setProperty("password", password);
        }
        int clients = Integer.parseInt(given.getOrDefault("clients", "64"));
        int seconds = Integer.parseInt(given.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(given.getOrDefault("warmup", "5"));
        List<String> keys = Files.readAllLines(Path.of(keysFrom), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        AtomicLong failures = new AtomicLong();
        Histogram all = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Histogram>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(url, login)) {
                        return charge(connection, keys, client, measureFrom, end, failures);
                    }
                }));
            }
            for (Future<Histogram> result : results) {
                all.add(result.get());
            }
        }
        System.out.printf(
                "charges/s=%.1f mean_ms=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f charges=%d failures=%d"
                        + " clients=%d seconds=%d%n",
                all.getTotalCount() / (double) seconds, all.getMean() / 1e6, all.getValueAtPercentile(50) / 1e6,
                all.getValueAtPercentile(99) / 1e6, all.getMaxValue() / 1e6, all.getTotalCount(), failures.get(),
                clients, seconds);
    }

    /** One client on its own connection: charges until the end. */
    private static Histogram charge(Connection connection, List<String> keys, int client, long measureFrom, long end,
            AtomicLong failures) throws SQLException {
        Histogram latency = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        try (PreparedStatement partner = connection.prepareStatement(PARTNER);
                PreparedStatement spend = connection.prepareStatement(SPEND);
                PreparedStatement lockKey = connection.prepareStatement(LOCK_KEY);
                PreparedStatement pending = connection.prepareStatement(PENDING);
                PreparedStatement approved = connection.prepareStatement(APPROVED);
                PreparedStatement event = connection.prepareStatement(EVENT)) {
            long sequence = 0;
            while (true) {
                long begin = System.nanoTime();
                if (begin >= end) {
                    return latency;
                }
                String id = "jdbc-" + client + "-" + begin + "-" + sequence++;
                boolean done;
                try {
                    chargeOnce(connection, partner, spend, lockKey, pending, approved, event, id,
                            keys.get(ThreadLocalRandom.current().nextInt(keys.size())));
                    done = true;
                }
                catch (SQLException failed) {
                    connection.rollback();
                    done = false;
                }
                long finished = System.nanoTime();
                if (begin >= measureFrom && finished <= end) {
                    if (done) {
                        latency.recordValue(finished - begin);
                    }
                    else {
                        failures.incrementAndGet();
                    }
                }
            }
        }
    }

    private static void chargeOnce(Connection connection, PreparedStatement partner, PreparedStatement spend,
            PreparedStatement lockKey, PreparedStatement pending, PreparedStatement approved, PreparedStatement event,
            String id, String key) throws SQLException {
        // auth.php: the partner is read, nothing written.
        connection.setAutoCommit(true);
        try (ResultSet row = partner.executeQuery()) {
            row.next();
        }
        Timestamp now = Timestamp.from(Instant.now());
        // The first commit: the AuthKey's nonce spent, the key share-locked, the payment
        // PENDING.
        connection.setAutoCommit(false);
        spend.setBytes(1, nonce());
        spend.setTimestamp(2, Timestamp.from(Instant.now().plusSeconds(1800)));
        spend.executeUpdate();
        lockKey.setString(1, key);
        try (ResultSet row = lockKey.executeQuery()) {
            row.next();
        }
        pending.setString(1, id);
        pending.setString(2, "order-" + id);
        pending.setString(3, key);
        pending.setString(4, "n-" + id);
        pending.setTimestamp(5, now);
        pending.setTimestamp(6, Timestamp.from(now.toInstant().plusSeconds(300)));
        pending.executeUpdate();
        connection.commit();
        // The second: the outcome and its webhook event.
        Timestamp completed = Timestamp.from(Instant.now());
        approved.setTimestamp(1, completed);
        approved.setString(2, id);
        approved.executeUpdate();
        event.setString(1, "evt_" + id);
        event.setString(2, id);
        event.setTimestamp(3, completed);
        event.setTimestamp(4, completed);
        event.executeUpdate();
        connection.commit();
    }

    private static byte[] nonce() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

}
