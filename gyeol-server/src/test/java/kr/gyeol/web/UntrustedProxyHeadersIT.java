package kr.gyeol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import kr.gyeol.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Forwarded headers are believed from the configured proxies only: from any other peer
 * (here the test itself, on loopback, while only 192.0.2.1 is a proxy) {@code
 * X-Forwarded-Host} and {@code -Proto} change no URL and no cookie, and {@code
 * X-Forwarded-For} cannot give a guesser a fresh address for every wrong key.
 */
@DirtiesContext
@TestPropertySource(
        properties = { "server.tomcat.remoteip.internal-proxies=192.0.2.1/32", "gyeol.test.failure-limit=3" })
class UntrustedProxyHeadersIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void forwardedHostAndProtoFromAnUntrustedPeerChangeNoUrl() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/php/auth.php"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "evil.example")
            .POST(HttpRequest.BodyPublishers.ofString("{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\"}"))
            .build();
        Map<String, String> answer = payple.exchange(request);
        assertThat(answer).containsEntry("PCD_PAY_HOST", "http://127.0.0.1:" + this.port);
        assertThat(answer.get("return_url")).startsWith("http://127.0.0.1:" + this.port + "/");
    }

    @Test
    void forwardedProtoFromAnUntrustedPeerMakesNoCookieSecure() throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/console/login"))
            .header("X-Forwarded-Proto", "https")
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }

    @Test
    void aForwardedForFromAnUntrustedPeerGivesNoFreshAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(admin("strict", "wrong", "203.0.113." + (50 + i))).isEqualTo(401);
        }
        assertThat(admin("strict", "strict-secret-0123456789", "203.0.113.99"))
            .as("all three came from the test's own address, which is locked out")
            .isEqualTo(429);
        this.clock.advance(Duration.ofMinutes(6));
    }

    private int admin(String partner, String secret, String claimedClient) throws Exception {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((partner + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP
            .send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/v1/plans"))
                .header("Authorization", basic)
                .header("X-Forwarded-For", claimedClient)
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString())
            .statusCode();
    }

}
