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
 * Repeated wrong credentials lock out that partner id from that address, right ones
 * included, on auth.php, on the JSON APIs and at the console's sign-in (operators too),
 * until the window passes; other partners are not affected.
 */
@DirtiesContext
@TestPropertySource(properties = { "gyeol.test.failure-limit=3", "gyeol.auth.failure-window=5m" })
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
        return HTTP
            .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("cst_id=" + name + "&key=" + key))
                .build(), HttpResponse.BodyHandlers.ofString())
            .statusCode();
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
