package kr.gyeol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Bad input is an answer, never a 500, a 503 or a leak: the console and every JSON route,
 * sent a non-integer where a number goes, a NUL or half a surrogate pair in a field,
 * bytes that are not UTF-8 in a form, answer 4xx without a stack trace; a header Tomcat
 * rejects on a Payple path is answered in Payple's shape; and a known secret sent through
 * every such case appears nowhere in the log of the run.
 */
class HostileInputIT extends GatewayTest {

    /** Sent as a key with every hostile request, then looked for in the log. */
    private static final String KNOWN_SECRET = "hostile-known-secret-5f1e2d";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final List<String> HOSTILE = List.of("%00", "a%00b", "%ED%A0%80", "%FF%FE", "%C0%AF", "%E0%80",
            "%F0%9F");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient browser = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private String csrf;

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> page = this.browser.send(
                HttpRequest.newBuilder(URI.create(payple.baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            this.csrf = token.group(1);
        }
        return page;
    }

    private HttpResponse<String> postForm(String path, String rawBody) throws Exception {
        return this.browser.send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(rawBody))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswered(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isBetween(200, 499);
        assertThat(response.body()).as(what)
            .doesNotContain("at kr.gyeol")
            .doesNotContain("at org.springframework")
            .doesNotContain("Exception")
            .doesNotContain(KNOWN_SECRET);
    }

    @Test
    void theConsoleAnswersEveryHostileInputWithA4xx() throws Exception {
        // The sign-in form, its key beside an undecodable byte.
        get("/console/login");
        for (String hostile : HOSTILE) {
            assertAnswered(
                    postForm("/console/login",
                            "cst_id=test" + hostile + "&key=" + KNOWN_SECRET + "&_csrf=" + this.csrf),
                    "sign-in with " + hostile);
            get("/console/login");
            assertAnswered(
                    postForm("/console/login", "cst_id=test&key=" + KNOWN_SECRET + hostile + "&_csrf=" + this.csrf),
                    "sign-in with the key and " + hostile);
            get("/console/login");
        }
        HttpResponse<String> signedIn = postForm("/console/login",
                "cst_id=test&key=" + PaypleTestClient.SECRET + "&_csrf=" + this.csrf);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(get("/console").statusCode()).isEqualTo(200);

        List<String> pages = List.of("/console?days=", "/console/payments?orderId=", "/console/payments?payer=",
                "/console/payments?amount=", "/console/payments?from=", "/console/payments?status=",
                "/console/payments?page=", "/console/billing-keys?q=", "/console/webhooks?page=",
                "/console/subscriptions?page=", "/console/links?page=", "/console/cash-receipts?page=");
        List<String> values = new ArrayList<>(HOSTILE);
        values.addAll(List.of("abc", "1e9", "-1", "99999999999999999999", "1.5"));
        for (String page : pages) {
            for (String value : values) {
                assertAnswered(get(page + value), page + value);
            }
        }
        for (String form : List.of("/console/payments/none/refund", "/console/settings/webhooks",
                "/console/billing-keys/revoke", "/console/settings/webhooks/secret")) {
            for (String hostile : HOSTILE) {
                assertAnswered(postForm(form, "_csrf=" + this.csrf + "&amount=1" + hostile + "&key=" + KNOWN_SECRET
                        + "&resultUrl=http://127.0.0.1/" + hostile), form + " with " + hostile);
            }
        }
    }

    @Test
    void everyJsonRouteAnswersAProblemForTextThatIsNotText() throws Exception {
        TreeSet<String> routes = new TreeSet<>();
        this.mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().isAnnotationPresent(JsonApi.class)) {
                for (String path : info.getPatternValues()) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        routes.add(method + " " + path.replaceAll("\\{[^}]+}", "hostile-id"));
                    }
                }
            }
        });
        assertThat(routes).hasSizeGreaterThan(10);
        HttpClient http = HttpClient.newHttpClient();
        List<String> strings = List.of("name", "currency", "interval", "planId", "billingKey", "goods", "resultUrl",
                "revocationUrl", "format", "afterRetries", "testClock", "frozenTime", "customer", "description");
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            for (String text : List.of("a\\u0000b", "\\ud800", "x\\udc00y")) {
                StringBuilder body = new StringBuilder("{\"amount\":1000");
                for (String field : strings) {
                    body.append(",\"").append(field).append("\":\"").append(text).append('"');
                }
                body.append('}');
                HttpResponse<String> answer = http.send(HttpRequest
                    .newBuilder(URI.create(payple.baseUrl() + path
                            + (method.equals("GET") ? "?q=" + "%00&status=%ED%A0%80&from=%FF" : "")))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", PaypleTestClient.BASIC)
                    .header("Content-Type", "application/json")
                    .method(method,
                            method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
                assertAnswered(answer, route + " with " + text);
                if (answer.statusCode() >= 400) {
                    assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(route)
                        .startsWith("application/problem+json");
                }
            }
        }
    }

    /** Sends raw bytes and returns the raw answer: a header Tomcat itself refuses. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aHeaderTomcatRefusesOnAPayplePathIsAnsweredInPaypleShape() throws Exception {
        for (String header : List.of("X-Bad: a\u0001b", "Bad Header: x", "X-Long: " + "x".repeat(9_000))) {
            String answer = raw("POST /php/auth.php HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            assertThat(answer).as(header.substring(0, 10)).startsWith("HTTP/1.1 200").contains("application/json");
            assertThat(answer.substring(answer.indexOf("\r\n\r\n"))).as(header.substring(0, 10))
                .contains("\"result\":\"error\"")
                .doesNotContain("<html");
        }
    }

    @Test
    void theKnownSecretNeverReachesTheLog() throws Exception {
        theConsoleAnswersEveryHostileInputWithA4xx();
        Path log = Path.of("target/test-logs/gyeol-test.log");
        assertThat(log).exists();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain(KNOWN_SECRET);
    }

}
