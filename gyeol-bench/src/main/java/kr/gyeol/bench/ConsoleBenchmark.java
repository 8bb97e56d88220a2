package kr.gyeol.bench;

import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * How long each console page takes to answer one signed-in partner, measured from the
 * request to the last byte of the page: each page is loaded {@code --rounds} times after
 * three unmeasured loads, and its p50, p99 and maximum printed beside the target.
 *
 * <p>
 * {@code java -jar gyeol-bench.jar console --base URL [--partner test] [--key
 * abcd1234567890] [--rounds 30] [--target-ms 300]}. The figures mean something only
 * against a database holding many payments (bench/console.sh seeds 100,000).
 */
final class ConsoleBenchmark {

    private static final Pattern PAYMENT_LINK = Pattern.compile("href=\"/console/payments/([A-Za-z0-9_-]+)\"");

    private ConsoleBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!given.containsKey("base")) {
            System.err.println("usage: gyeol-bench console --base URL [--partner test] [--key KEY] [--rounds 30]");
            System.exit(64);
        }
        int slowest = run(given.get("base"), given.getOrDefault("partner", "test"),
                given.getOrDefault("key", "abcd1234567890"), Integer.parseInt(given.getOrDefault("rounds", "30")),
                Integer.parseInt(given.getOrDefault("target-ms", "300")), System.out);
        System.exit(slowest <= Integer.parseInt(given.getOrDefault("target-ms", "300")) ? 0 : 1);
    }

    /** Measures every page; the slowest p99 in milliseconds. */
    static int run(String base, String partner, String key, int rounds, int targetMillis, PrintStream out)
            throws Exception {
        HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        String form = "cst_id=" + URLEncoder.encode(partner, StandardCharsets.UTF_8) + "&key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 302) {
            throw new IllegalStateException("Sign-in answered " + signIn.statusCode());
        }
        String list = get(http, base + "/console/payments?from=2000-01-01").body();
        Matcher first = PAYMENT_LINK.matcher(list);
        if (!first.find()) {
            throw new IllegalStateException("No payment to open: seed the database first");
        }
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard (14 days)", "/console");
        pages.put("dashboard (90 days)", "/console?days=90");
        pages.put("payments (last 7 days)", "/console/payments");
        pages.put("payments (all time, page 1)", "/console/payments?from=2000-01-01");
        pages.put("payments (all time, page 20)", "/console/payments?from=2000-01-01&page=19");
        pages.put("payments by status", "/console/payments?from=2000-01-01&status=DECLINED");
        pages.put("payments by order id", "/console/payments?from=2000-01-01&orderId=bench-order-77777");
        pages.put("payments by payer prefix", "/console/payments?from=2000-01-01&payer=%EA%B9%80");
        pages.put("payments by amount", "/console/payments?from=2000-01-01&amount=15000");
        pages.put("payments by instrument", "/console/payments?from=2000-01-01&instrument=BANK_ACCOUNT");
        pages.put("a payment's history", "/console/payments/" + first.group(1));
        pages.put("billing keys", "/console/billing-keys");
        pages.put("subscriptions", "/console/subscriptions");
        pages.put("links", "/console/links");
        pages.put("cash receipts", "/console/cash-receipts");
        pages.put("webhooks", "/console/webhooks");
        pages.put("settings", "/console/settings");
        out.printf("# console pages, %d loads each after 3 unmeasured, target p99 <= %d ms%n", rounds, targetMillis);
        int slowest = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Histogram latencies = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            for (int i = 0; i < rounds + 3; i++) {
                long started = System.nanoTime();
                HttpResponse<String> answer = get(http, base + page.getValue());
                long micros = (System.nanoTime() - started) / 1_000;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(page.getKey() + " answered " + answer.statusCode());
                }
                if (i >= 3) {
                    latencies.recordValue(micros);
                }
            }
            int p99 = (int) Math.ceil(latencies.getValueAtPercentile(99) / 1000.0);
            slowest = Math.max(slowest, p99);
            out.printf("%-30s p50=%6.1f ms  p99=%6.1f ms  max=%6.1f ms  %s%n", page.getKey(),
                    latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(99) / 1000.0,
                    latencies.getMaxValue() / 1000.0, p99 <= targetMillis ? "ok" : "OVER TARGET");
        }
        out.printf("slowest p99 %d ms (target %d ms)%n", slowest, targetMillis);
        return slowest;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
