package kr.gyeol.bench;

import java.util.Arrays;

/**
 * {@code java -jar gyeol-bench.jar [renewals|console|webhooks|jdbc] --name value ...}:
 * the charge benchmark, or with {@code renewals} first the renewal benchmark, with
 * {@code console} the console's page loads, with {@code webhooks} webhook delivery beside
 * charges, with {@code jdbc} the two commits of a charge over JDBC alone.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("console")) {
            ConsoleBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("webhooks")) {
            WebhookBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("jdbc")) {
            JdbcCeiling.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("renewals")) {
            RenewalBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        ChargeBenchmark.main(args);
    }

}
