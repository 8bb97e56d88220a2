package kr.gyeol.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.ClockAdvance;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.Payer;
import kr.gyeol.client.PlanRequest;
import kr.gyeol.client.RetryPolicy;
import kr.gyeol.client.SubscriptionRequest;
import kr.gyeol.client.TestClock;

/**
 * Renewals per second of a due batch: {@code --subscriptions} monthly subscriptions on
 * one test clock (each on a billing key of its own, in a one-day trial so setting up
 * charges nothing); the trial's end is charged first as a warm-up, then the clock is
 * moved a month through the first node alone, then another month through every node at
 * once. Each batch is timed from the advance calls until they return with nothing left
 * due, so the figure is whole renewals (claim, invoice, charge through the payment
 * engine, result, events) committed.
 *
 * <p>
 * {@code java -jar gyeol-bench.jar renewals --nodes http://a,http://b,http://c
 * --subscriptions 10000}.
 */
final class RenewalBenchmark {

    private static final String APPROVING_CARD = "4242424242424242";

    private RenewalBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!given.containsKey("nodes")) {
            System.err.println("usage: gyeol-bench renewals --nodes URL[,URL...] [--subscriptions 10000]");
            System.exit(64);
        }
        List<String> nodes = Arrays.asList(given.get("nodes").split(","));
        int count = Integer.parseInt(given.getOrDefault("subscriptions", "10000"));
        run(nodes, count, System.out);
    }

    private static GyeolClient client(String base) {
        return GyeolClient.builder()
            .hosts(Hosts.gyeol(base))
            .partner("test", "abcd1234567890")
            .referer("http://localhost:8080")
            .retries(RetryPolicy.NONE)
            .requestTimeout(Duration.ofMinutes(10))
            .build();
    }

    private static void run(List<String> nodes, int count, PrintStream out) throws Exception {
        List<GyeolClient> clients = nodes.stream().map(RenewalBenchmark::client).toList();
        GyeolClient first = clients.get(0);
        String plan = first.billing().createPlan(PlanRequest.monthly("bench", 1_000).withTrialDays(1)).id();
        Instant start = Instant.parse("2030-01-10T01:00:00Z");
        TestClock clock = first.billing().createTestClock("bench", start);

        long setup = System.nanoTime();
        CardRegistration card = new CardRegistration(Payer.NONE, "900101", APPROVING_CARD, "30", "12", "12");
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                GyeolClient client = clients.get(i % clients.size());
                created.add(pool.submit(() -> {
                    String key = client.billingKeys().registerCard(card).id();
                    return client.billing().subscribe(SubscriptionRequest.of(plan, key).onTestClock(clock.id()));
                }));
            }
            for (Future<?> subscription : created) {
                subscription.get();
            }
        }
        out.printf("setup: %d keys registered and subscribed in %.1f s%n", count, seconds(System.nanoTime() - setup));

        double warmUp = batch(List.of(first), clock, start.plus(Duration.ofDays(2)), count);
        double oneNode = batch(List.of(first), clock, start.plus(Duration.ofDays(33)), count);
        double allNodes = batch(clients, clock, start.plus(Duration.ofDays(64)), count);
        out.printf(
                "renewals/s first-charges-one-node=%.1f one-node=%.1f %d-nodes=%.1f subscriptions=%d"
                        + " ratio %d-nodes:one-node=%.2f%n",
                count / warmUp, count / oneNode, clients.size(), count / allNodes, count, clients.size(),
                oneNode / allNodes);
    }

    /**
     * Advances the clock through every given client at once; the seconds until the last
     * returns with nothing due.
     */
    private static double batch(List<GyeolClient> clients, TestClock clock, Instant to, int expected) throws Exception {
        long started = System.nanoTime();
        int steps = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients.size())) {
            List<Future<ClockAdvance>> advances = new ArrayList<>();
            for (GyeolClient client : clients) {
                advances.add(pool.submit(() -> client.billing().advance(clock.id(), to)));
            }
            for (Future<ClockAdvance> advance : advances) {
                ClockAdvance done = advance.get(30, TimeUnit.MINUTES);
                if (done.stillDue() != 0) {
                    throw new IllegalStateException(done.stillDue() + " renewals still due after the advance");
                }
                steps += done.steps();
            }
        }
        double seconds = seconds(System.nanoTime() - started);
        if (steps < expected) {
            throw new IllegalStateException("Only " + steps + " of " + expected + " renewals were taken");
        }
        return seconds;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

}
