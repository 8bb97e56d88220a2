package kr.gyeol.web;

import static kr.gyeol.support.WindowPages.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.WindowPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input outside the Payple wire is the caller's error, never the gateway's: the admin
 * API answers RFC 9457 problems (400, 401, 413) and authenticates before it reads a body,
 * the overseas API answers its own codes, the window refuses a NUL byte before anything
 * is stored, closing an unknown window is an ordinary refusal, and a NUL byte on a Payple
 * path is answered without a stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputOutsidePaypleIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BASIC = PaypleTestClient.BASIC;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> send(String method, String path, byte[] body, String authorization, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(payple.baseUrl() + path))
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(String body) {
        return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
        });
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response.body())).containsEntry("status", status)
            .containsEntry("code", code)
            .containsKey("detail");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at kr.gyeol");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theAdminApiAnswersProblemsForBadInput() throws Exception {
        String json = "application/json";
        String before = send("GET", "/admin/webhooks", null, BASIC, null).body();
        assertProblem(send("PUT", "/admin/webhooks", bytes("{bad"), BASIC, json), 400, "malformed-body");
        assertProblem(send("PUT", "/admin/webhooks", bytes("{\"resultUrl\":"), BASIC, json), 400, "malformed-body");
        assertProblem(send("PUT", "/admin/webhooks", bytes("[1,2]"), BASIC, json), 400, "malformed-body");
        assertProblem(send("PUT", "/admin/webhooks", bytes("{\"resultUrl\":{\"a\":1}}"), BASIC, json), 400,
                "malformed-body");
        assertProblem(send("PUT", "/admin/webhooks", bytes("{\"resultUrl\":\"http://a\0b\"}"), BASIC, json), 400,
                "malformed-body");
        // A NUL in a JSON string is refused where the body is read (issue 25), before the
        // URL is looked at.
        assertProblem(send("PUT", "/admin/webhooks", bytes("{\"resultUrl\":\"http://a\\u0000b\"}"), BASIC, json), 400,
                "unreadable-text");
        assertProblem(send("PUT", "/admin/webhooks", bytes("{\"format\":\"XML\"}"), BASIC, json), 400,
                "invalid-settings");
        assertProblem(send("GET", "/admin/webhooks/events?limit=abc", null, BASIC, null), 400, "invalid-parameter");
        assertProblem(send("GET", "/admin/webhooks/events?limit=99999999999", null, BASIC, null), 400,
                "invalid-parameter");
        assertProblem(send("POST", "/admin/webhooks/events/no-such-event/replay", null, BASIC, null), 404,
                "no-such-event");
        assertProblem(
                send("PUT", "/admin/webhooks", bytes("{\"resultUrl\":\"" + "a".repeat(70_000) + "\"}"), BASIC, json),
                413, "body-too-large");
        assertThat(send("GET", "/admin/webhooks/events?limit=1000000", null, BASIC, null).statusCode())
            .as("a large limit is capped, not refused")
            .isEqualTo(200);
        assertThat(send("GET", "/admin/webhooks", null, BASIC, null).body()).as("nothing was stored by any of it")
            .isEqualTo(before);
    }

    @Test
    void theRecurringBillingApiAnswersProblemsForBadInputAndStoresNothing() throws Exception {
        String json = "application/json";
        String before = send("GET", "/v1/plans?limit=500", null, BASIC, null).body();
        assertProblem(send("POST", "/v1/plans", bytes("{bad"), BASIC, json), 400, "malformed-body");
        assertProblem(send("POST", "/v1/plans", bytes("[]"), BASIC, json), 400, "malformed-body");
        assertProblem(send("POST", "/v1/plans", bytes("{\"name\":\"x\",\"amount\":\"many\"}"), BASIC, json), 400,
                "malformed-body");
        assertProblem(send("POST", "/v1/plans", bytes("{\"name\":{\"a\":1},\"amount\":1000}"), BASIC, json), 400,
                "malformed-body");
        assertProblem(send("POST", "/v1/plans",
                bytes("{\"name\":\"x\",\"amount\":99999999999999999999999,\"interval\":\"MONTH\"}"), BASIC, json), 400,
                "malformed-body");
        assertProblem(
                send("POST", "/v1/plans", bytes("{\"name\":\"x\",\"amount\":-5,\"interval\":\"MONTH\"}"), BASIC, json),
                400, "invalid-plan");
        assertProblem(
                send("POST", "/v1/plans", bytes("{\"name\":\"x\",\"amount\":1000,\"interval\":\"HOUR\"}"), BASIC, json),
                400, "invalid-plan");
        assertProblem(send("POST", "/v1/plans",
                bytes("{\"name\":\"x\",\"amount\":1000,\"interval\":\"MONTH\",\"currency\":\"JPY\"}"), BASIC, json),
                400, "invalid-plan");
        assertProblem(send("POST", "/v1/plans", bytes("{\"name\":\"" + "a".repeat(70_000) + "\"}"), BASIC, json), 413,
                "body-too-large");
        assertProblem(send("POST", "/v1/subscriptions", bytes("{}"), BASIC, json), 400, "invalid-subscription");
        assertProblem(send("GET", "/v1/subscriptions?status=SLEEPING", null, BASIC, null), 400, "invalid-parameter");
        assertProblem(send("GET", "/v1/subscriptions/nope", null, BASIC, null), 404, "no-such-subscription");
        assertProblem(send("POST", "/v1/subscriptions/nope/cancel", null, BASIC, null), 404, "no-such-subscription");
        assertProblem(
                send("POST", "/v1/test-clocks/nope/advance", bytes("{\"frozenTime\":\"yesterday\"}"), BASIC, json), 400,
                "malformed-body");
        assertProblem(send("PUT", "/v1/billing-settings", bytes("{\"retryDays\":[3,1],\"afterRetries\":\"UNPAID\"}"),
                BASIC, json), 400, "invalid-settings");
        assertProblem(send("PUT", "/v1/billing-settings", bytes("{\"retryDays\":[1],\"afterRetries\":\"ACTIVE\"}"),
                BASIC, json), 400, "invalid-settings");
        assertProblem(send("POST", "/v1/plans", bytes("{\"name\":\"x\"}"), null, json), 401, "unauthenticated");
        assertThat(send("GET", "/v1/plans?limit=500", null, BASIC, null).body()).as("nothing was stored by any of it")
            .isEqualTo(before);
    }

    @Test
    void theAdminApiAuthenticatesBeforeReadingTheBody() throws Exception {
        assertProblem(send("PUT", "/admin/webhooks", bytes("{bad"), null, "application/json"), 401, "unauthenticated");
        String wrong = "Basic " + Base64.getEncoder().encodeToString(bytes("test:wrong"));
        assertProblem(send("PUT", "/admin/webhooks", bytes("{bad"), wrong, "application/json"), 401, "unauthenticated");
        assertProblem(send("GET", "/admin/webhooks/events?limit=abc", null, "Basic %%%", null), 401, "unauthenticated");
    }

    @Test
    void theOverseasApiAnswersItsCodesForBadBodies() throws Exception {
        HttpResponse<String> token = send("POST", "/gpay/oauth/1.0/token",
                bytes("{\"service_id\":\"demo\",\"service_key\":\"" + PaypleTestClient.SECRET
                        + "\",\"code\":\"as12345678\"}"),
                null, "application/json");
        String bearer = "Bearer " + json(token.body()).get("access_token");
        for (String body : new String[] { "{\"service_id\":\"demo\",\"service_oid\":\"a\\u0000b\"}",
                "{\"service_id\":\"demo\",\"service_oid\":[1]}", "{\"service_id\":\"demo\",\"totalAmount\":{}}" }) {
            for (String path : new String[] { "/gpay/paymentResult", "/gpay/cancel", "/gpay/billingKey" }) {
                HttpResponse<String> answer = send("POST", path, bytes(body), bearer, "application/json");
                assertThat(answer.statusCode()).as(path + " " + body).isEqualTo(200);
                assertThat(json(answer.body())).as(path + " " + body).containsEntry("result", "A0201");
            }
        }
        HttpResponse<String> tooLarge = send("POST", "/gpay/paymentResult",
                bytes("{\"service_id\":\"demo\",\"service_oid\":\"" + "a".repeat(70_000) + "\"}"), bearer,
                "application/json");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    @Test
    void aNulByteInTheWindowsGoodsNameIsRefusedBeforeAnythingIsStored() throws Exception {
        int windows = jdbc.sql("SELECT count(*) FROM window_sessions").query(Integer.class).single();
        int keys = jdbc.sql("SELECT count(*) FROM billing_keys").query(Integer.class).single();
        Map<String, String> form = order(payple.auth(Map.of()), "card", "PAY", "구독\0상품", "1000");
        form.put("PCD_CARD_VER", "01");
        String page = WindowPages.post(payple.baseUrl() + "/index.php?ACT_=PAYM&CPAYVER=202611230000", form,
                "http://localhost:8080/order");
        assertThat(WindowPages.result(page)).containsEntry("PCD_PAY_CODE", "CPCA9997");
        assertThat(jdbc.sql("SELECT count(*) FROM window_sessions").query(Integer.class).single()).isEqualTo(windows);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_keys").query(Integer.class).single()).isEqualTo(keys);
    }

    @Test
    void closingAnUnknownWindowIsAnOrdinaryRefusal() throws Exception {
        String page = WindowPages.post(payple.baseUrl() + "/window/no-such-window/close", Map.of(), null);
        assertThat(WindowPages.result(page)).containsEntry("PCD_PAY_CODE", "CPCA0005");
    }

    @Test
    void aNulByteOnAPayplePathIsAnsweredWithoutAStackTrace(CapturedOutput output) {
        Map<String, String> answer = payple.call(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"),
                Map.of("PCD_PAY_TYPE", "card", "PCD_PAYER_ID", "key\0key", "PCD_PAY_GOODS", "정기구독", "PCD_PAY_TOTAL",
                        "1000", "PCD_SIMPLE_FLAG", "Y"));
        assertThat(answer).containsEntry("PCD_PAY_RST", "error");
        Map<String, String> auth = payple.auth(Map.of("PCD_PAY_TYPE", "card", "PCD_PAYER_ID", "a\0b"));
        assertThat(auth).containsKey("result");
        assertThat(output.getAll()).doesNotContain("\tat kr.gyeol").doesNotContain("invalid byte sequence");
    }

}
