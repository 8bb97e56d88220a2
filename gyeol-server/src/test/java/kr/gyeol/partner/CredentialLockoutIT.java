package kr.gyeol.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated wrong credentials lock out that partner id from that client address, right
 * ones included, on auth.php, on the JSON APIs, at the console's sign-in (operators too)
 * and at the overseas token endpoint, until the window passes; other partners and other
 * clients behind the same proxy are not affected, and guesses at one key from many
 * addresses wait their turn while its right key never does.
 */
@DirtiesContext
@TestPropertySource(properties = { "gyeol.test.failure-limit=3", "gyeol.auth.failure-window=5m",
        "gyeol.test.slow-after=5", "gyeol.auth.slow-interval=1s" })
class CredentialLockoutIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Map<String, String> auth(String partner, String secret) {
        return new PaypleTestClient(this.payple.baseUrl(), partner, secret).auth(Map.of());
    }

    private int admin(String partner, String secret) throws Exception {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((partner + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP
            .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + "/v1/plans"))
                .header("Authorization", basic)
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString())
            .statusCode();
    }

    @Test
    void threeWrongSecretsOnAuthPhpLockTheRightOneOutUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(auth(PaypleTestClient.PARTNER, "wrong-" + i)).containsEntry("code", "AUTH0002");
        }
        assertThat(auth(PaypleTestClient.PARTNER, PaypleTestClient.SECRET)).containsEntry("result", "error")
            .containsEntry("code", "AUTH9999");
        // Another partner id from the same address is not locked out.
        assertThat(auth("strict", "wrong")).containsEntry("code", "AUTH0002");
        this.clock.advance(Duration.ofMinutes(6));
        assertThat(auth(PaypleTestClient.PARTNER, PaypleTestClient.SECRET)).containsEntry("result", "success");
    }

    @Test
    void threeWrongPasswordsOnTheJsonApisAnswer429ThenTheWindowPasses() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(admin("strict", "wrong-" + i)).isEqualTo(401);
        }
        assertThat(admin("strict", "strict-secret-0123456789")).isEqualTo(429);
        this.clock.advance(Duration.ofMinutes(6));
        assertThat(admin("strict", "strict-secret-0123456789")).isEqualTo(200);
        // A success forgets the failures before it.
        assertThat(admin("strict", "wrong")).isEqualTo(401);
        assertThat(admin("strict", "wrong")).isEqualTo(401);
        assertThat(admin("strict", "strict-secret-0123456789")).isEqualTo(200);
        assertThat(admin("strict", "wrong")).isEqualTo(401);
        assertThat(admin("strict", "strict-secret-0123456789")).isEqualTo(200);
    }

    private int consoleSignIn(String name, String key) throws Exception {
        // A browser of its own, signing in from the form with its token.
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String form = browser
            .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + "/console/login")).build(),
                    HttpResponse.BodyHandlers.ofString())
            .body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
            .matcher(form);
        assertThat(token.find()).isTrue();
        return browser
            .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers
                    .ofString("cst_id=" + name + "&key=" + key + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString())
            .statusCode();
    }

    private int admin(String partner, String secret, String client) throws Exception {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((partner + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP
            .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + "/v1/plans"))
                .header("Authorization", basic)
                .header("X-Forwarded-For", client)
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString())
            .statusCode();
    }

    private String gpayToken(String serviceKey, String client) throws Exception {
        return HTTP
            .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + "/gpay/oauth/1.0/token"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"service_id\":\"demo\",\"service_key\":\"" + serviceKey + "\",\"code\":\"as12345678\"}"))
                .build(), HttpResponse.BodyHandlers.ofString())
            .body();
    }

    @Test
    void wrongGuessesFromOneClientBehindTheProxyNeverLockOutTheRightKeyFromAnother() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(admin("strict", "wrong-" + i, "203.0.113.5")).isEqualTo(401);
        }
        assertThat(admin("strict", "strict-secret-0123456789", "203.0.113.5")).as("the guesser's own address")
            .isEqualTo(429);
        assertThat(admin("strict", "strict-secret-0123456789", "203.0.113.6")).as("another client of the proxy")
            .isEqualTo(200);
        this.clock.advance(Duration.ofMinutes(6));
    }

    @Test
    void theOverseasTokenEndpointFollowsTheSameRules() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(gpayToken("wrong-" + i, "198.51.100.7")).contains("\"result\":\"T0300\"");
        }
        assertThat(gpayToken(PaypleTestClient.SECRET, "198.51.100.7")).as("locked out at that address")
            .contains("\"result\":\"T0300\"")
            .contains("Too many wrong");
        assertThat(gpayToken(PaypleTestClient.SECRET, "198.51.100.8")).as("from another")
            .contains("\"result\":\"T0000\"");
        this.clock.advance(Duration.ofMinutes(6));
    }

    @Test
    void guessesAtOneKeyFromManyAddressesWaitTheirTurnWhileTheRightKeyNeverWaits() throws Exception {
        // slow-after is 5 here: the first five wrong answers come at once, each further
        // one waits its turn, one a second, however many run in parallel.
        java.util.concurrent.ExecutorService guessers = java.util.concurrent.Executors
            .newVirtualThreadPerTaskExecutor();
        long started = System.nanoTime();
        java.util.List<java.util.concurrent.Future<Integer>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String client = "192.0.2." + (10 + i);
            guesses.add(guessers.submit(() -> admin("strict", "wrong", client)));
        }
        java.util.concurrent.Future<Integer> right = guessers.submit(() -> {
            Thread.sleep(300);
            long asked = System.nanoTime();
            int status = admin("strict", "strict-secret-0123456789", "192.0.2.99");
            return status == 200 && System.nanoTime() - asked < Duration.ofSeconds(2).toNanos() ? 200 : -status;
        });
        for (java.util.concurrent.Future<Integer> guess : guesses) {
            assertThat(guess.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(401);
        }
        long elapsed = System.nanoTime() - started;
        assertThat(right.get(60, java.util.concurrent.TimeUnit.SECONDS)).as("the right key, at once").isEqualTo(200);
        assertThat(Duration.ofNanos(elapsed)).as("five paced wrong answers, a second apart")
            .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        guessers.shutdown();
        this.clock.advance(Duration.ofMinutes(6));
    }

    @Test
    void threeWrongKeysAtTheConsoleSignInLockItOutThenTheWindowPasses() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(consoleSignIn("other", "wrong-" + i)).isEqualTo(i < 2 ? 401 : 429);
        }
        assertThat(consoleSignIn("other", "other-secret-0123456789")).isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            consoleSignIn("ops", "wrong-" + i);
        }
        assertThat(consoleSignIn("ops", "ops-password-0123")).as("an operator too").isEqualTo(429);
        this.clock.advance(Duration.ofMinutes(6));
        assertThat(consoleSignIn("other", "other-secret-0123456789")).isEqualTo(302);
        assertThat(consoleSignIn("ops", "ops-password-0123")).isEqualTo(302);
    }

}
