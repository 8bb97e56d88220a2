package kr.gyeol.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.Payer;
import kr.gyeol.client.RetryPolicy;
import org.HdrHistogram.Histogram;

/**
 * Billing-key charges as a partner's server makes them: auth.php, then SimplePayCardAct
 * with the returned envelope ({@link PaypleCharges}), each charge with a new order id,
 * from a number of concurrent clients, each client charging the keys in turn. Registers
 * the billing keys it charges first through {@code gyeol-client} (the simulator's
 * approving test card), or reads them from a file; optionally writes them to a file for
 * pgbench and later runs; and prints one line: charges/s, p50, p99 and maximum latency of
 * a whole charge (both calls), the number of charges and of failures. Given several
 * gateways ({@code --base} a comma-separated list), a charge asks one node for its
 * AuthKey and spends it at the next, as a load balancer may send them.
 *
 * <p>
 * Run by {@code bench/run.sh}; alone:
 * {@code java -jar gyeol-bench/target/gyeol-bench.jar --base http://127.0.0.1:8080}.
 */
public final class ChargeBenchmark {

    private static final String APPROVING_CARD = "4242424242424242";

    private final Options options;

    private ChargeBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println(Options.USAGE);
            System.exit(64);
            return;
        }
        new ChargeBenchmark(options).run(System.out);
    }

    private void run(PrintStream out) throws Exception {
        List<String> keys;
        if (this.options.refusals()) {
            // No keys: each request is auth.php refusing a body without credentials.
            keys = List.of("");
        }
        else if (this.options.keysFrom() != null) {
            keys = Files.readAllLines(this.options.keysFrom(), StandardCharsets.UTF_8);
        }
        else {
            GyeolClient client = GyeolClient.builder()
                .hosts(Hosts.gyeol(this.options.bases().get(0)))
                .partner(this.options.partner(), this.options.partnerKey())
                .referer("http://localhost:8080")
                .retries(RetryPolicy.NONE)
                .requestTimeout(Duration.ofSeconds(30))
                .build();
            keys = register(client);
        }
        if (this.options.keyFile() != null && !this.options.refusals()) {
            writeKeys(this.options.keyFile(), keys);
        }
        Result result;
        ProcessCosts.Window costs = new ProcessCosts.Window(this.options.bases());
        try (PaypleCharges charges = new PaypleCharges(this.options.bases(), this.options.partner(),
                this.options.partnerKey(), this.options.clients())) {
            result = charge(charges, keys, costs);
        }
        double seconds = this.options.seconds();
        Histogram latency = result.latency();
        long charged = Math.max(1, latency.getTotalCount());
        if (this.options.refusals()) {
            // Each "charge" below is one refused auth.php request.
            out.print("work=refusals ");
        }
        out.printf(
                "charges/s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f charges=%d failures=%d clients=%d keys=%d"
                        + " seconds=%d gateway_cpu_ms_per_charge=%.3f postgres_cpu_ms_per_charge=%.3f gc_pause_ms=%.0f"
                        + " load_cpu_ms_per_charge=%.3f busy_cores=%.2f cores=%d%n",
                latency.getTotalCount() / seconds, millis(latency.getValueAtPercentile(50)),
                millis(latency.getValueAtPercentile(99)), millis(latency.getMaxValue()), latency.getTotalCount(),
                result.failures(), this.options.clients(), keys.size(), this.options.seconds(),
                costs.gatewayCpuMillis() / charged, costs.postgresCpuMillis() / charged, costs.gcPauseMillis(),
                costs.loadCpuMillis() / charged, costs.busyCores(), Runtime.getRuntime().availableProcessors());
    }

    /** Registers the keys to charge, as many at once as there are clients. */
    private List<String> register(GyeolClient client) throws InterruptedException, ExecutionException {
        CardRegistration card = new CardRegistration(Payer.NONE, "900101", APPROVING_CARD, "30", "12", "12");
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(this.options.clients(), 16))) {
            List<Future<String>> registered = new ArrayList<>();
            for (int i = 0; i < this.options.keys(); i++) {
                registered.add(pool.submit(() -> client.billingKeys().registerCard(card).id()));
            }
            List<String> keys = new ArrayList<>(registered.size());
            for (Future<String> key : registered) {
                keys.add(key.get());
            }
            return keys;
        }
    }

    /** Billing keys are credentials: the file is readable by its owner only. */
    private static void writeKeys(Path file, List<String> keys) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, keys, StandardCharsets.UTF_8);
    }

    private Result charge(PaypleCharges charges, List<String> keys, ProcessCosts.Window costs)
            throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(this.options.warmup()).toNanos();
        long end = measureFrom + Duration.ofSeconds(this.options.seconds()).toNanos();
        // The processes' own CPU counters and the gateways' GC pauses, read as the
        // measured window opens and closes.
        Thread.ofPlatform().daemon().start(() -> costs.measure(measureFrom, end));
        AtomicLong failures = new AtomicLong();
        List<Future<Histogram>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(this.options.clients())) {
            for (int c = 0; c < this.options.clients(); c++) {
                int number = c;
                clients.add(pool.submit(() -> chargeUntil(charges, keys, number, measureFrom, end, failures)));
            }
            Histogram all = newHistogram();
            for (Future<Histogram> one : clients) {
                all.add(one.get());
            }
            costs.awaitEnd();
            return new Result(all, failures.get());
        }
    }

    /** One client: charges one after another, the keys in turn, until the end. */
    private Histogram chargeUntil(PaypleCharges charges, List<String> keys, int number, long measureFrom, long end,
            AtomicLong failures) {
        Histogram latency = newHistogram();
        long sequence = 0;
        while (true) {
            long begin = System.nanoTime();
            if (begin >= end) {
                return latency;
            }
            String key = keys.get((int) ((number + sequence * this.options.clients()) % keys.size()));
            boolean approved;
            try {
                approved = this.options.refusals() ? charges.refusal(number)
                        : charges.charge(number, key, "bench-" + number + "-" + begin + "-" + sequence);
            }
            catch (IOException | RuntimeException failed) {
                approved = false;
            }
            sequence++;
            long finished = System.nanoTime();
            if (begin >= measureFrom && finished <= end) {
                if (approved) {
                    latency.recordValue(finished - begin);
                }
                else {
                    failures.incrementAndGet();
                }
            }
        }
    }

    /** Nanoseconds up to a minute, three significant digits. */
    private static Histogram newHistogram() {
        return new Histogram(Duration.ofMinutes(1).toNanos(), 3);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private record Result(Histogram latency, long failures) {
    }

    /** The command line, {@code --name value} pairs. */
    record Options(List<String> bases, String partner, String partnerKey, int clients, int seconds, int warmup,
            int keys, Path keyFile, Path keysFrom, boolean refusals) {

        static final String USAGE = "usage: gyeol-bench --base URL[,URL...] [--partner test] [--partner-key KEY]"
                + " [--clients 64] [--seconds 20] [--warmup 20] [--keys 1] [--key-file PATH] [--keys-from PATH]"
                + " [--work charges|refusals]";

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value at " + args[i]);
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            Options options = new Options(List.of(required(given, "base").split(",")),
                    given.getOrDefault("partner", "test"), given.getOrDefault("partner-key", "abcd1234567890"),
                    positive(given, "clients", 64), positive(given, "seconds", 20), atLeastZero(given, "warmup", 20),
                    positive(given, "keys", 1), given.containsKey("key-file") ? Path.of(given.get("key-file")) : null,
                    given.containsKey("keys-from") ? Path.of(given.get("keys-from")) : null,
                    work(given.getOrDefault("work", "charges")));
            given.keySet()
                .removeAll(List.of("base", "partner", "partner-key", "clients", "seconds", "warmup", "keys", "key-file",
                        "keys-from", "work"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option --" + given.keySet().iterator().next());
            }
            return options;
        }

        /**
         * Whether the work is refusals (the floor of a Payple request) rather than
         * charges.
         */
        private static boolean work(String work) {
            return switch (work) {
                case "charges" -> false;
                case "refusals" -> true;
                default -> throw new IllegalArgumentException("--work is charges or refusals, not " + work);
            };
        }

        private static String required(Map<String, String> given, String name) {
            String value = given.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        private static int positive(Map<String, String> given, String name, int otherwise) {
            int value = atLeastZero(given, name, otherwise);
            if (value == 0) {
                throw new IllegalArgumentException("--" + name + " must be at least 1");
            }
            return value;
        }

        private static int atLeastZero(Map<String, String> given, String name, int otherwise) {
            String value = given.get(name);
            if (value == null) {
                return otherwise;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < 0) {
                    throw new IllegalArgumentException("--" + name + " must not be negative");
                }
                return number;
            }
            catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
            }
        }

    }

}
