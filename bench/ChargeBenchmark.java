import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>It speaks HTTP/1.1 over one keep-alive socket per client, written by hand: the JDK's
 * HttpClient took more CPU than the gateway itself on this 2-core machine, and the load generator
 * shares the cores with the gateway and PostgreSQL.
 */
public class ChargeBenchmark {

  private static final Pattern FIELD = Pattern.compile("\"(cst_id|custKey|AuthKey|return_url)\":\"([^\"]*)\"");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String billingKey = args[1];
    int clients = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    long warmup = Long.parseLong(args[4]);
    URI baseUri = URI.create(base);
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
                    Connection http = new Connection(baseUri.getHost(), baseUri.getPort());
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

  private static boolean charge(Connection http, String base, String billingKey, String orderId) throws Exception {
    String auth =
        http.post("/php/auth.php",
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
    return http.post(URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery(), body).contains("\"PCD_PAY_CODE\":\"SPCD0000\"");
  }

  /** One keep-alive HTTP/1.1 connection, reopened when the server closes it. */
  static final class Connection {
    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Connection(String host, int port) {
      this.host = host;
      this.port = port;
    }

    String post(String path, String json) throws IOException {
      for (int attempt = 0; ; attempt++) {
        try {
          if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
          }
          byte[] body = json.getBytes(StandardCharsets.UTF_8);
          String head =
              "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                  + "\r\nContent-Type: application/json\r\nReferer: http://localhost:8080\r\nContent-Length: "
                  + body.length + "\r\n\r\n";
          out.write(head.getBytes(StandardCharsets.US_ASCII));
          out.write(body);
          out.flush();
          return readResponse();
        } catch (IOException e) {
          close();
          if (attempt == 1) {
            throw e;
          }
        }
      }
    }

    private String readResponse() throws IOException {
      int contentLength = -1;
      boolean chunked = false;
      boolean closeAfter = false;
      String line;
      while (!(line = readLine()).isEmpty()) {
        String lower = line.toLowerCase();
        if (lower.startsWith("content-length:")) {
          contentLength = Integer.parseInt(line.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closeAfter = true;
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        int size;
        while ((size = Integer.parseInt(readLine().trim(), 16)) > 0) {
          body.write(in.readNBytes(size));
          readLine();
        }
        readLine();
      } else {
        body.write(in.readNBytes(contentLength));
      }
      if (closeAfter) {
        close();
      }
      return body.toString(StandardCharsets.UTF_8);
    }

    private String readLine() throws IOException {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    private void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // Reopened on the next request.
      }
      socket = null;
    }
  }
}
