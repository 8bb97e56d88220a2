package kr.gyeol.gpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * gpay's token endpoint (spec §5.1) with every error code of §2.7, and the bearer check
 * with its 600-second lifetime on the test clock.
 */
class GpayTokenIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GpayTokens tokens;

    private Map<String, String> token(String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create(this.payple.baseUrl() + "/gpay/oauth/1.0/token"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<Map<String, String>>() {
        });
    }

    @Test
    void issuesABearerTokenForTenMinutes() throws Exception {
        Map<String, String> answer = token(
                "{\"service_id\":\"demo\",\"service_key\":\"abcd1234567890\",\"code\":\"as12345678\"}",
                "application/json");
        assertThat(answer).containsEntry("result", "T0000")
            .containsEntry("message", "Process Success")
            .containsEntry("code", "as12345678")
            .containsEntry("token_type", "Bearer")
            .containsEntry("payCls", "demo")
            .containsEntry("expires_in", "600");
        String token = answer.get("access_token");
        assertThat(token).hasSizeGreaterThan(40);

        assertThat(this.tokens.authorize("Bearer " + token, "demo")).isEqualTo(PartnerId.of("test"));
        // Samples pass the bare token too.
        assertThat(this.tokens.authorize(token, "demo")).isEqualTo(PartnerId.of("test"));
        assertThatThrownBy(() -> this.tokens.authorize("Bearer " + token, "other")).isInstanceOfSatisfying(
                GpayRefused.class,
                (refused) -> assertThat(refused.reason()).isEqualTo(GpayRefused.Reason.OTHER_SERVICE));
        this.clock.advance(Duration.ofSeconds(599));
        assertThat(this.tokens.authorize("Bearer " + token, "demo")).isEqualTo(PartnerId.of("test"));
        this.clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> this.tokens.authorize("Bearer " + token, "demo")).isInstanceOfSatisfying(
                GpayRefused.class,
                (refused) -> assertThat(refused.reason()).isEqualTo(GpayRefused.Reason.TOKEN_INVALID));
        assertThatThrownBy(() -> this.tokens.authorize(null, "demo")).isInstanceOfSatisfying(GpayRefused.class,
                (refused) -> assertThat(refused.reason()).isEqualTo(GpayRefused.Reason.TOKEN_INVALID));
    }

    @Test
    void parsesJsonWhateverTheContentTypeSays() throws Exception {
        String body = "{\"service_id\":\"demo\",\"service_key\":\"abcd1234567890\",\"code\":\"Ab3De6Gh9J\"}";
        assertThat(token(body, null)).containsEntry("result", "T0000");
        assertThat(token(body, "application/json;")).containsEntry("result", "T0000");
    }

    @Test
    void refusesWithTheCodeOfTheFirstProblem() throws Exception {
        assertThat(token("{\"service_key\":\"abcd1234567890\",\"code\":\"as12345678\"}", "application/json"))
            .containsEntry("result", "T0200")
            .containsEntry("message", "Authentication Request Denied - service_id value does not exist.");
        assertThat(token("{\"service_id\":\"demo\",\"code\":\"as12345678\"}", "application/json"))
            .containsEntry("result", "T0201");
        assertThat(token("{\"service_id\":\"demo\",\"service_key\":\"abcd1234567890\"}", "application/json"))
            .containsEntry("result", "T0210");
        for (String code : new String[] { "as1234567", "as123456789", "as1234567!", "한글코드입니다열자" }) {
            assertThat(token("{\"service_id\":\"demo\",\"service_key\":\"abcd1234567890\",\"code\":\"" + code + "\"}",
                    "application/json"))
                .as(code)
                .containsEntry("result", "T0211")
                .doesNotContainKey("access_token");
        }
        assertThat(token("{\"service_id\":\"demo\",\"service_key\":\"wrong\",\"code\":\"as12345678\"}",
                "application/json"))
            .containsEntry("result", "T0300");
        assertThat(
                token("{\"service_id\":\"nobody\",\"service_key\":\"x\",\"code\":\"as12345678\"}", "application/json"))
            .containsEntry("result", "T0300");
        // A live partner asks from an address it did not register.
        assertThat(token(
                "{\"service_id\":\"strictgpay\",\"service_key\":\"strict-secret-0123456789\",\"code\":\"as12345678\"}",
                "application/json"))
            .containsEntry("result", "T0310")
            .containsEntry("message", "Authentication Request Denied - Not Registered WHITE IP.");
        // A domestic partner not enrolled for overseas payments.
        assertThat(token(
                "{\"service_id\":\"strict\",\"service_key\":\"strict-secret-0123456789\",\"code\":\"as12345678\"}",
                "application/json"))
            .containsEntry("result", "T0322")
            .containsEntry("message", "Not Registered Partner service_id.");
    }

}
