package kr.gyeol.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.GyeolException;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.OutcomeUnknownException;
import kr.gyeol.client.PayType;
import kr.gyeol.client.Payer;
import kr.gyeol.client.RefundRequest;
import kr.gyeol.e2e.support.GatewayCluster;
import kr.gyeol.e2e.support.GatewayProcess;
import kr.gyeol.e2e.support.RoundRobinProxy;
import kr.gyeol.e2e.support.WebhookInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failover drill: three gateway processes on one PostgreSQL behind a round-robin
 * proxy; 60 s of mixed load through it (charges, some on a card whose company does not
 * answer in time, refunds, lookups, registrations); a node killed with SIGKILL at random
 * twice and started again; the webhook receiver down for part of the run. Afterwards,
 * checked in the database and through lookups: every charge that answered success exists
 * once, no order id is charged twice, every unknown outcome is settled, every webhook was
 * delivered at least once under its stable id, and refunds never exceed their payments.
 * It prints its counts and fails on any violation.
 */
class FailoverDrillE2EIT {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private static final String TIMEOUT_CARD = "4000000000000119";

    private static final List<String> SETTINGS;

    static {
        List<String> settings = new ArrayList<>(ClientE2ECases.SETTINGS);
        settings.addAll(List.of("--gyeol.reconciler.stuck-after=5s", "--gyeol.webhooks.interval=500ms",
                // Retries for over two minutes: longer than the receiver's outage plus a
                // node's restart on a loaded machine, so an event is only given up on a
                // bug.
                "--gyeol.webhooks.retry-schedule=1s,2s,4s,8s,15s,15s,15s,15s,15s,15s,15s,15s",
                // One receiver takes every event of the run: let each node send it 16 at
                // once.
                "--gyeol.webhooks.concurrency-per-receiver=16"));
        SETTINGS = List.copyOf(settings);
    }

    private GatewayCluster cluster;

    @AfterEach
    void stop() throws Exception {
        ClientE2ECases.stop(this.cluster);
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> column(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    @Test
    void threeNodesBehindAProxySurviveKillsAndAReceiverOutageWithoutLosingOrDoublingAnything() throws Exception {
        // The drill's choices come from one seed, printed so a failing run can be
        // replayed with -Dgyeol.drill.seed=… (threads still interleave as they will).
        long seed = Long.getLong("gyeol.drill.seed", System.nanoTime());
        System.out.println("Failover drill seed: " + seed + " (replay with -Dgyeol.drill.seed=" + seed + ")");
        Random chaos = new Random(seed);
        this.cluster = new GatewayCluster(SETTINGS);
        List<GatewayProcess> nodes = new CopyOnWriteArrayList<>(this.cluster.startAll("drill-a", "drill-b", "drill-c"));
        try (RoundRobinProxy proxy = new RoundRobinProxy(); WebhookInbox inbox = new WebhookInbox()) {
            proxy.route(nodes.stream().map(GatewayProcess::baseUrl).toList());
            ClientE2ECases.configureWebhooks(nodes.get(0), inbox.url("/hook"), inbox.url("/hook"));
            GyeolClient client = GyeolClient.builder()
                .hosts(Hosts.gyeol(proxy.url()))
                .partner("test", ClientE2ECases.PARTNER_KEY)
                .referer("http://localhost:8080")
                .refundKey(ClientE2ECases.REFUND_KEY)
                .requestTimeout(Duration.ofSeconds(30))
                .build();
            List<String> keys = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 8; i++) {
                keys.add(register(client, ClientE2ECases.CARD));
            }
            String slowKey = register(client, TIMEOUT_CARD);

            Map<String, Long> approved = new ConcurrentHashMap<>();
            Set<String> unknown = ConcurrentHashMap.newKeySet();
            Map<String, Long> refunded = new ConcurrentHashMap<>();
            AtomicLong requests = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            ExecutorService load = Executors.newFixedThreadPool(8);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                Random random = new Random(seed + 1 + w);
                workers.add(load.submit(() -> {
                    while (System.nanoTime() < end) {
                        requests.incrementAndGet();
                        int dice = random.nextInt(100);
                        try {
                            if (dice < 60) {
                                boolean slow = dice < 6;
                                String orderId = "drill-" + java.util.UUID.randomUUID();
                                long amount = 1_000 + random.nextInt(9) * 100;
                                String key = slow ? slowKey : keys.get(random.nextInt(keys.size()));
                                try {
                                    ChargeResult result = client.payments()
                                        .charge(Charge.builder(PayType.CARD, key, "드릴", amount)
                                            .orderId(orderId)
                                            .build());
                                    if (result instanceof ChargeResult.Approved) {
                                        approved.put(orderId, amount);
                                    }
                                }
                                catch (OutcomeUnknownException notKnown) {
                                    unknown.add(orderId);
                                }
                            }
                            else if (dice < 75 && !approved.isEmpty()) {
                                List<String> orders = new ArrayList<>(approved.keySet());
                                String orderId = orders.get(random.nextInt(orders.size()));
                                client.payments().refund(RefundRequest.of(orderId, LocalDate.now(KOREA), 300));
                                refunded.merge(orderId, 300L, Long::sum);
                            }
                            else if (dice < 90 && !approved.isEmpty()) {
                                List<String> orders = new ArrayList<>(approved.keySet());
                                client.payments()
                                    .lookup(PayType.CARD, orders.get(random.nextInt(orders.size())),
                                            LocalDate.now(KOREA));
                            }
                            else {
                                keys.add(register(client, ClientE2ECases.CARD));
                            }
                        }
                        catch (GyeolException expected) {
                            // A refusal (a refund over what is left), or an answer lost
                            // with a node.
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }

            // The chaos: two kills of a random node, each started again; the receiver
            // down for 20 s from the first kill on, whatever the restarts take.
            ScheduledExecutorService outage = Executors.newSingleThreadScheduledExecutor();
            int kills = 0;
            for (int round = 0; round < 2; round++) {
                Thread.sleep(round == 0 ? 12_000 : 8_000);
                int victim = chaos.nextInt(nodes.size());
                nodes.get(victim).kill();
                kills++;
                if (round == 0) {
                    inbox.down(true);
                    outage.schedule(() -> inbox.down(false), 20, TimeUnit.SECONDS);
                }
                Thread.sleep(5_000);
                nodes.set(victim, this.cluster.start("drill-restart-" + round));
                proxy.route(nodes.stream().map(GatewayProcess::baseUrl).toList());
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            load.shutdown();
            outage.shutdownNow();
            inbox.down(false);

            try (Connection db = this.cluster.database().connect()) {
                // Every unknown settled by the reconcilers; every event delivered.
                await("every payment and refund settled").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(db, "SELECT count(*) FROM payments WHERE status IN ('PENDING', 'UNKNOWN')")
                            + count(db, "SELECT count(*) FROM refunds WHERE status IN ('PENDING', 'UNKNOWN')") == 0);
                await("every webhook attempted to the end").atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(db, "SELECT count(*) FROM webhook_events WHERE status = 'PENDING'") == 0);
                assertThat(column(db, """
                        SELECT e.id || ' ' || e.type || ' after ' || e.attempts || ' attempts: '
                               || coalesce(a.error, 'HTTP ' || a.status_code)
                        FROM webhook_events e
                        LEFT JOIN webhook_attempts a ON a.event_id = e.id AND a.number = e.attempts
                        WHERE e.status <> 'DELIVERED'
                        """)).as("webhook events given up").isEmpty();

                for (Map.Entry<String, Long> charge : approved.entrySet()) {
                    assertThat(count(db,
                            "SELECT count(*) FROM payments WHERE status = 'APPROVED' AND order_id = '" + charge.getKey()
                                    + "' AND amount = " + charge.getValue()))
                        .as("approved charge %s", charge.getKey())
                        .isEqualTo(1);
                }
                assertThat(
                        column(db, "SELECT order_id FROM payments GROUP BY partner_id, order_id HAVING count(*) > 1"))
                    .as("order ids charged twice")
                    .isEmpty();
                assertThat(column(db, """
                        SELECT p.order_id FROM payments p JOIN refunds r ON r.payment_id = p.id
                        WHERE r.status = 'APPROVED' GROUP BY p.id, p.order_id, p.amount
                        HAVING sum(r.amount) > p.amount
                        """)).as("payments refunded beyond their amount").isEmpty();
                // What the client could not tell, the lookups can now: settled, once.
                for (String orderId : unknown) {
                    // Never written (the request died before a node took it), or settled.
                    long approvedRows = count(db,
                            "SELECT count(*) FROM payments WHERE status = 'APPROVED' AND order_id = '" + orderId + "'");
                    assertThat(count(db, "SELECT count(*) FROM payments WHERE order_id = '" + orderId
                            + "' AND status IN ('PENDING', 'UNKNOWN')"))
                        .isZero();
                    assertThat(client.payments()
                        .lookup(PayType.CARD, orderId, LocalDate.now(KOREA))
                        .filter(ChargeResult.Approved.class::isInstance)
                        .isPresent()).as("lookup of %s agrees with the database", orderId).isEqualTo(approvedRows == 1);
                }
                long events = count(db, "SELECT count(*) FROM webhook_events");
                Set<String> delivered = new java.util.HashSet<>();
                inbox.all().forEach((delivery) -> delivered.add(delivery.header("webhook-id")));
                assertThat(delivered).as("every event arrived at least once, by its id")
                    .containsAll(column(db, "SELECT id FROM webhook_events"));
                long settledLate = count(db, "SELECT count(*) FROM payments WHERE settle_attempts > 0");
                System.err.printf(
                        "[gyeol-e2e] drill: %d operations (%d HTTP requests through the proxy, %d cut by a dying node), %d kills,"
                                + " %d charges approved, %d unknown to the client, %d payments settled by the"
                                + " reconcilers, %d refunds, %d refusals or lost answers, %d webhook events delivered"
                                + " in %d deliveries%n",
                        requests.get(), proxy.requests(), proxy.failed(), kills, approved.size(), unknown.size(),
                        settledLate, refunded.size(), refused.get(), events, inbox.all().size());
            }
        }
    }

    private static String register(GyeolClient client, String card) {
        for (int attempt = 0;; attempt++) {
            try {
                return client.billingKeys()
                    .registerCard(
                            new CardRegistration(new Payer("1", "홍길동", null, null), "900101", card, "30", "12", "12"))
                    .id();
            }
            catch (OutcomeUnknownException lost) {
                if (attempt == 3) {
                    throw lost;
                }
            }
        }
    }

}
