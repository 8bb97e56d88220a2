package kr.gyeol.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * bench/testkit.sh's measures of the kit's own start path, side by side in one run: a
 * gateway started as the kit starts it, to its first answer, without the start cache and
 * with it (alternating, after one start that prepares an empty cache), and the cost of a
 * fresh partner. Not a test:
 * {@code java -cp … kr.gyeol.junit.StartBench ROUNDS PARTNERS}.
 */
public final class StartBench {

    private StartBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int partners = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path cache = Files.createTempDirectory("gyeol-kit-bench-cache-");
        System.setProperty("gyeol.kit.cache-dir", cache.toString());
        try {
            System.setProperty("gyeol.kit.cache", "on");
            long first = timedStart(null);
            System.out.printf("first start, empty cache (prepares it)  %6d ms%n", first);
            List<Long> without = new ArrayList<>();
            List<Long> with = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                System.setProperty("gyeol.kit.cache", "off");
                without.add(timedStart(null));
                System.setProperty("gyeol.kit.cache", "on");
                with.add(timedStart(null));
                System.out.printf("round %d: without cache %6d ms, with cache %6d ms%n", round, without.get(round - 1),
                        with.get(round - 1));
            }
            long medianWithout = median(without);
            long medianWith = median(with);
            System.out.printf(
                    "start to first answer, median of %d: without cache %d ms, with cache %d ms,"
                            + " with / without %.2f%n",
                    rounds, medianWithout, medianWith, (double) medianWith / medianWithout);

            List<Long> made = new ArrayList<>();
            timedStart((sandbox) -> {
                for (int i = 0; i < partners + 5; i++) {
                    long began = System.nanoTime();
                    Gyeol gyeol = sandbox.newPartner();
                    long took = (System.nanoTime() - began) / 1_000;
                    gyeol.close();
                    // The first five warm the gateway and the client.
                    if (i >= 5) {
                        made.add(took);
                    }
                }
            });
            Collections.sort(made);
            System.out.printf("new partner, %d after 5 to warm: median %.1f ms, p90 %.1f ms, max %.1f ms%n", partners,
                    made.get(made.size() / 2) / 1000.0, made.get(made.size() * 9 / 10) / 1000.0,
                    made.get(made.size() - 1) / 1000.0);
        }
        finally {
            GyeolSandbox.delete(cache);
        }
    }

    private interface Work {

        void run(GyeolSandbox sandbox) throws Exception;

    }

    /**
     * Milliseconds from asking for a gateway to its first answer; then work, then stop.
     */
    private static long timedStart(Work work) throws Exception {
        long began = System.nanoTime();
        GyeolSandbox sandbox = GyeolSandbox.start();
        long took = (System.nanoTime() - began) / 1_000_000;
        try {
            if (work != null) {
                work.run(sandbox);
            }
        }
        finally {
            sandbox.stop();
        }
        return took;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

}
