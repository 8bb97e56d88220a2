import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full billing-key charges over HTTP, as a partner's server makes them: auth.php, then
 * SimplePayCardAct with the returned envelope, each charge with a new order id. Run with
 * {@code java bench/ChargeBenchmark.java BASE_URL BILLING_KEY CLIENTS SECONDS WARMUP_SECONDS}.
 * Prints one line: charges/s, p50 and p99 latency of a whole charge (both calls), and failures.
 */
public class ChargeBenchmark {

  private static final Pattern FIELD = Pattern.compile("\"(cst_id|custKey|AuthKey|return_url)\":\"([^\"]*)\"");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String billingKey = args[1];
    int clients = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    long warmup = Long.parseLong(args[4]);
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    long start = System.nanoTime();
    long measureFrom = start + warmup * 1_000_000_000L;
    long end = measureFrom + seconds * 1_000_000_000L;
    AtomicLong failures = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int[] counts = new int[clients];
    for (int c = 0; c < clients; c++) {
      long[] mine = new long[2_000_000];
      latencies.add(mine);
      int client = c;
      Thread thread =
          Thread.ofPlatform()
              .start(
                  () -> {
                    long sequence = 0;
                    while (true) {
                      long begin = System.nanoTime();
                      if (begin >= end) {
                        return;
                      }
                      boolean ok;
                      try {
                        ok = charge(http, base, billingKey, "bench-" + client + "-" + begin + "-" + sequence++);
                      } catch (Exception e) {
                        ok = false;
                      }
                      long finished = System.nanoTime();
                      if (begin >= measureFrom && finished <= end) {
                        if (ok) {
                          mine[counts[client]++] = finished - begin;
                        } else {
                          failures.incrementAndGet();
                        }
                      }
                    }
                  });
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    double perSecond = total / (double) seconds;
    System.out.printf(
        "charges/s=%.1f p50_ms=%.2f p99_ms=%.2f charges=%d failures=%d clients=%d seconds=%d%n",
        perSecond,
        total == 0 ? 0 : all[total / 2] / 1e6,
        total == 0 ? 0 : all[(int) Math.min(total - 1, Math.ceil(total * 0.99) - 1)] / 1e6,
        total,
        failures.get(),
        clients,
        seconds);
  }

  private static boolean charge(HttpClient http, String base, String billingKey, String orderId) throws Exception {
    String auth =
        post(http, base + "/php/auth.php",
            "{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\",\"PCD_PAY_TYPE\":\"card\",\"PCD_SIMPLE_FLAG\":\"Y\"}");
    String cst = null, key = null, authKey = null, url = null;
    Matcher m = FIELD.matcher(auth);
    while (m.find()) {
      switch (m.group(1)) {
        case "cst_id" -> cst = m.group(2);
        case "custKey" -> key = m.group(2);
        case "AuthKey" -> authKey = m.group(2);
        default -> url = m.group(2).replace("\\/", "/");
      }
    }
    if (url == null) {
      return false;
    }
    String body =
        "{\"PCD_CST_ID\":\"" + cst + "\",\"PCD_CUST_KEY\":\"" + key + "\",\"PCD_AUTH_KEY\":\"" + authKey
            + "\",\"PCD_PAY_TYPE\":\"card\",\"PCD_PAYER_ID\":\"" + billingKey
            + "\",\"PCD_PAY_GOODS\":\"bench\",\"PCD_PAY_TOTAL\":\"1000\",\"PCD_PAY_OID\":\"" + orderId + "\"}";
    return post(http, url, body).contains("\"PCD_PAY_CODE\":\"SPCD0000\"");
  }

  private static String post(HttpClient http, String url, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Referer", "http://localhost:8080")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
