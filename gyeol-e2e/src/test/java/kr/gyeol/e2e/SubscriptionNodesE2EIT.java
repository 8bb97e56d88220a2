package kr.gyeol.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kr.gyeol.client.Billing;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.ClockAdvance;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Payer;
import kr.gyeol.client.PlanRequest;
import kr.gyeol.client.SubscriptionRequest;
import kr.gyeol.client.TestClock;
import kr.gyeol.e2e.support.GatewayCluster;
import kr.gyeol.e2e.support.GatewayProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recurring billing across gateway processes on one PostgreSQL: every node runs the
 * renewal job and every node advances the same test clock, and the database shows each
 * period charged exactly once and failures dunned on the schedule; a node killed with
 * SIGKILL in the middle of a renewal run loses no period and charges none twice.
 */
class SubscriptionNodesE2EIT {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private static final String INSUFFICIENT_FUNDS = "4000000000009995";

    private static final List<String> SETTINGS;

    static {
        List<String> settings = new ArrayList<>(ClientE2ECases.SETTINGS);
        settings.addAll(List.of("--gyeol.subscriptions.interval=250ms", "--gyeol.subscriptions.lease=5s",
                "--gyeol.subscriptions.unknown-recheck=1s", "--gyeol.subscriptions.advance-wait=60s",
                "--gyeol.reconciler.stuck-after=5s"));
        SETTINGS = List.copyOf(settings);
    }

    private GatewayCluster cluster;

    @AfterEach
    void stop() throws Exception {
        ClientE2ECases.stop(this.cluster);
    }

    private static GyeolClient client(GatewayProcess node) {
        return ClientE2ECases.clientOf(node);
    }

    private static Instant korean(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KOREA).toInstant();
    }

    /**
     * Subscribes {@code count} new cards to a monthly plan on the clock, spread over the
     * clients.
     */
    private static List<String> subscribe(List<GyeolClient> clients, TestClock clock, int count,
            java.util.function.IntPredicate failing) throws Exception {
        String plan = clients.get(0).billing().createPlan(PlanRequest.monthly("E2E 구독", 9_900)).id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GyeolClient client = clients.get(i % clients.size());
            String card = failing.test(i) ? INSUFFICIENT_FUNDS : ClientE2ECases.CARD;
            created.add(pool.submit(() -> {
                String key = client.billingKeys()
                    .registerCard(
                            new CardRegistration(new Payer("1", "홍길동", null, null), "900101", card, "30", "12", "12"))
                    .id();
                return client.billing().subscribe(SubscriptionRequest.of(plan, key).onTestClock(clock.id())).id();
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> id : created) {
            ids.add(id.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return ids;
    }

    /**
     * Every client advances the clock to {@code to} at once; each returns when nothing is
     * due.
     */
    private static void advanceEverywhere(List<GyeolClient> clients, TestClock clock, Instant to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<ClockAdvance>> advances = new ArrayList<>();
        for (GyeolClient client : clients) {
            advances.add(pool.submit(() -> client.billing().advance(clock.id(), to)));
        }
        for (Future<ClockAdvance> advance : advances) {
            assertThat(advance.get(180, TimeUnit.SECONDS).stillDue()).isZero();
        }
        pool.shutdown();
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> column(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    /** No subscription period has two approved payments, nor two paid invoices. */
    private static void assertNoPeriodChargedTwice(Connection db) throws SQLException {
        assertThat(column(db, """
                SELECT user_define1 || ' ' || user_define2 FROM payments WHERE status = 'APPROVED'
                GROUP BY user_define1, user_define2 HAVING count(*) > 1
                """)).as("periods with more than one approved payment").isEmpty();
        assertThat(column(db, """
                SELECT i.id FROM invoices i JOIN invoice_attempts a ON a.invoice_id = i.id
                WHERE a.status = 'APPROVED' GROUP BY i.id HAVING count(*) > 1
                """)).as("invoices paid by more than one attempt").isEmpty();
    }

    @Test
    void threeNodesAdvancingOneClockOver24PeriodsOf200SubscriptionsChargeEveryPeriodExactlyOnce() throws Exception {
        this.cluster = new GatewayCluster(SETTINGS);
        List<GatewayProcess> nodes = this.cluster.startAll("a", "b", "c");
        List<GyeolClient> clients = nodes.stream().map(SubscriptionNodesE2EIT::client).toList();
        Billing billing = clients.get(0).billing();
        TestClock clock = billing.createTestClock("e2e", korean("2025-01-31T10:00"));
        List<String> subscriptions = subscribe(clients, clock, 200, (i) -> i % 10 == 0);

        long started = System.nanoTime();
        for (int period = 1; period <= 24; period++) {
            advanceEverywhere(clients, clock,
                    LocalDateTime.parse("2025-01-31T11:00").plusMonths(period).atZone(KOREA).toInstant());
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        try (Connection db = this.cluster.database().connect()) {
            assertNoPeriodChargedTwice(db);
            // 180 good cards × periods 0..24, each paid once, in its own month.
            assertThat(
                    count(db, "SELECT count(*) FROM payments WHERE status = 'APPROVED' AND user_define1 LIKE 'sub_%'"))
                .isEqualTo(180 * 25);
            assertThat(count(db, """
                    SELECT count(DISTINCT (billing_key_id, billing_year, billing_month)) FROM payments
                    WHERE status = 'APPROVED' AND user_define1 LIKE 'sub_%'
                    """)).isEqualTo(180 * 25);
            assertThat(count(db, "SELECT count(*) FROM invoices WHERE status = 'PAID'")).isEqualTo(180 * 25);
            assertThat(count(db, "SELECT count(*) FROM invoices WHERE status = 'OPEN'")).isZero();
            assertThat(count(db, "SELECT count(*) FROM invoice_attempts WHERE status IN ('CHARGING', 'UNKNOWN')"))
                .isZero();
            // The 20 failing cards: five attempts on the first failure's day and 1, 3, 5,
            // 7 days after.
            assertThat(count(db, "SELECT count(*) FROM subscriptions WHERE status = 'UNPAID'")).isEqualTo(20);
            assertThat(count(db, "SELECT count(*) FROM subscriptions WHERE status = 'ACTIVE'")).isEqualTo(180);
            assertThat(column(db, """
                    SELECT string_agg(CAST(EXTRACT(DAY FROM a.attempted_at - i.created_at) AS TEXT), ','
                                      ORDER BY a.number)
                    FROM invoices i JOIN invoice_attempts a ON a.invoice_id = i.id
                    WHERE i.status = 'UNCOLLECTIBLE' GROUP BY i.id
                    """)).hasSize(20).containsOnly("0,1,3,5,7");
            List<String> perNode = new ArrayList<>();
            for (GatewayProcess node : nodes) {
                perNode.add(String.valueOf(java.nio.file.Files.readAllLines(node.log())
                    .stream()
                    .filter((line) -> line.contains(": period ") && line.contains(" paid ("))
                    .count()));
            }
            System.err.printf(
                    "[gyeol-e2e] %d subscriptions, 24 advances on 3 nodes in %d s; periods paid per node: %s%n",
                    subscriptions.size(), seconds, String.join(", ", perNode));
            assertThat(perNode).as("every node took part").doesNotContain("0");
        }
    }

    @Test
    void aNodeKilledMidRenewalRunLosesNoPeriodAndChargesNoneTwice() throws Exception {
        this.cluster = new GatewayCluster(SETTINGS);
        List<GatewayProcess> started = this.cluster.startAll("victim", "survivor");
        GatewayProcess victim = started.get(0);
        GatewayProcess survivor = started.get(1);
        GyeolClient survivorClient = client(survivor);
        TestClock clock = survivorClient.billing().createTestClock("kill", korean("2025-03-15T10:00"));
        List<String> subscriptions = subscribe(List.of(survivorClient), clock, 200, (i) -> false);
        Instant target = korean("2025-09-25T10:00");

        ExecutorService pool = Executors.newSingleThreadExecutor();
        GyeolClient victimClient = client(victim);
        Future<?> running = pool.submit(() -> victimClient.billing().advance(clock.id(), target));
        long killedAfter;
        long unsettledAtKill;
        try (Connection db = this.cluster.database().connect()) {
            await("the victim's renewal run under way").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> count(db, "SELECT count(*) FROM payments WHERE status = 'APPROVED'") > 200 + 300);
            victim.kill();
            killedAfter = count(db, "SELECT count(*) FROM payments WHERE status = 'APPROVED'") - 200;
            unsettledAtKill = count(db, "SELECT count(*) FROM invoice_attempts WHERE status IN ('CHARGING', 'UNKNOWN')")
                    + count(db, "SELECT count(*) FROM subscriptions WHERE lease_until > now()");
        }
        pool.shutdownNow();
        assertThat(running).failsWithin(Duration.ofSeconds(30));

        // The survivor (and the victim, restarted) finish the run; what the victim held
        // is
        // resumed when its leases end, and its payments left PENDING are settled by the
        // reconciler first.
        GyeolClient restarted = client(this.cluster.start("victim-restarted"));
        await("the run finished").atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> survivorClient.billing().advance(clock.id(), target).stillDue() == 0
                    && restarted.billing().advance(clock.id(), target).stillDue() == 0);

        try (Connection db = this.cluster.database().connect()) {
            assertNoPeriodChargedTwice(db);
            assertThat(count(db, "SELECT count(*) FROM invoice_attempts WHERE status IN ('CHARGING', 'UNKNOWN')"))
                .isZero();
            assertThat(count(db, "SELECT count(*) FROM payments WHERE status IN ('PENDING', 'UNKNOWN')")).isZero();
            // Periods 0..6 of every subscription: each invoiced once and paid once.
            assertThat(count(db, "SELECT count(*) FROM invoices WHERE status = 'PAID'")).isEqualTo(200 * 7);
            assertThat(count(db, "SELECT count(*) FROM invoices")).isEqualTo(200 * 7);
            assertThat(count(db, "SELECT count(*) FROM payments WHERE status = 'APPROVED'")).isEqualTo(200 * 7);
            long retried = count(db, "SELECT count(*) FROM invoice_attempts WHERE number > 1");
            System.err.printf(
                    "[gyeol-e2e] killed a node after %d renewals with %d attempts or claims in flight; %d attempts"
                            + " retried after a failed one; %d subscriptions, every period paid once%n",
                    killedAfter, unsettledAtKill, retried, subscriptions.size());
        }
    }

}
