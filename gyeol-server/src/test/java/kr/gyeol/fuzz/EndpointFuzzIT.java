package kr.gyeol.fuzz;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import kr.gyeol.GyeolApplication;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TempDirectories;
import kr.gyeol.support.TestDatabase;
import kr.gyeol.web.JsonApi;
import net.jqwik.api.Tuple;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing (jqwik) of every server-to-server endpoint over real HTTP, on a
 * gateway started for it: hostile bodies (malformed and truncated JSON, wrong types,
 * arrays and objects in fields, long fields, bodies over the limit, NUL and control
 * characters, invalid UTF-8 and EUC-KR bytes, overflowing, negative and formatted
 * amounts, duplicate keys), any method and a missing or lying Content-Type. Every Payple
 * path answers HTTP 200 with a Payple error object; every JSON route answers a 4xx
 * problem (or a 2xx read); nothing answers 500 or a stack trace; nothing is stored.
 */
class EndpointFuzzIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BASIC = PaypleTestClient.BASIC;

    private static final String ROWS = """
            SELECT (SELECT count(*) FROM payments) || ' ' || (SELECT count(*) FROM billing_keys) || ' '
                   || (SELECT count(*) FROM refunds) || ' ' || (SELECT count(*) FROM cash_receipts) || ' '
                   || (SELECT count(*) FROM payment_links) || ' ' || (SELECT count(*) FROM plans) || ' '
                   || (SELECT count(*) FROM subscriptions)
            """;

    private static final java.util.Set<String> ANY_BODY = java.util.Set.of("POST /v1/test-clocks",
            "POST /admin/webhooks/secret", "PUT /admin/webhooks", "PUT /v1/billing-settings",
            // A test partner's actions that take no body: disarm its faults, settle now.
            "DELETE /v1/test/faults", "DELETE /v1/test/webhook-faults", "POST /v1/test/settle");

    private static ConfigurableApplicationContext gateway;

    private static String base;

    private static JdbcClient jdbc;

    private static String rowsBefore;

    private static List<String> jsonRoutes;

    @BeforeContainer
    static void start() throws Exception {
        TestDatabase.Connection database = TestDatabase.separate("fuzz");
        Path data = TempDirectories.create("gyeol-fuzz-data");
        // Command-line arguments, not the builder's properties: those are defaults, which
        // application.yaml overrides (the gateway ran on port 8080 with ./data in the
        // checkout).
        Map<String, String> settings = Map.of("server.port", "0", "spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(), "spring.datasource.password", database.password(),
                "spring.datasource.hikari.maximum-pool-size", "8", "gyeol.data-dir", data.toString(),
                "gyeol.reconciler.interval", "1h", "gyeol.webhooks.interval", "1h", "gyeol.subscriptions.interval",
                "1h", "gyeol.auth.failure-limit", "1000000");
        gateway = new SpringApplicationBuilder(GyeolApplication.class).run(settings.entrySet()
            .stream()
            .map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
            .toArray(String[]::new));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort();
        jdbc = gateway.getBean(JdbcClient.class);
        rowsBefore = rows();
        RequestMappingHandlerMapping mappings = gateway.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        TreeSet<String> routes = new TreeSet<>();
        mappings.getHandlerMethods()
            .forEach((RequestMappingInfo info, org.springframework.web.method.HandlerMethod handler) -> {
                if (handler.getBeanType().isAnnotationPresent(JsonApi.class)) {
                    for (String path : info.getPatternValues()) {
                        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                            routes.add(method + " " + path.replaceAll("\\{[^}]+}", "fuzz-id"));
                        }
                    }
                }
            });
        jsonRoutes = List.copyOf(routes);
    }

    @AfterContainer
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static String rows() {
        return jdbc.sql(ROWS).query(String.class).single();
    }

    @Provide
    Arbitrary<String> paypleEndpoints() {
        return Arbitraries.of(Endpoint.values())
            .filter((endpoint) -> endpoint.path().startsWith("/php/"))
            .map((endpoint) -> endpoint.path() + (endpoint.query() == null ? "" : "?" + endpoint.query()));
    }

    @Provide
    Arbitrary<String> jsonRoutes() {
        return Arbitraries.of(jsonRoutes);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH");
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=UTF-8",
                "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=EUC-KR", "text/plain",
                "multipart/form-data; boundary=fuzz", "application/xml", "", "application/json; charset=nonsense");
    }

    private static final List<String> FIELD_NAMES = fieldNames();

    private static List<String> fieldNames() {
        List<String> names = new ArrayList<>(List.of("name", "amount", "currency", "interval", "intervalCount",
                "trialDays", "planId", "billingKey", "goods", "testClock", "frozenTime", "atPeriodEnd", "retryDays",
                "afterRetries", "resultUrl", "revocationUrl", "format", "cst_id", "custKey", "AuthKey"));
        for (Field field : Fields.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                }
                catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(names);
    }

    /** Values that are wrong in every way a field can be. */
    private static Arbitrary<Object> hostileValue() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40).map(Object.class::cast)),
                Tuple.of(3,
                        Arbitraries.of("-1", "0", "-0", "99999999999999999999999", "1,000", "1e5", "10.50", " 100 ",
                                "0x10", "NaN", "", "Y", "N", "card", "transfer", "2026", "13", "\u0000",
                                "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "test",
                                PaypleTestClient.SECRET)),
                Tuple.of(2, Arbitraries.longs().map(Object.class::cast)),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Double.NaN, -1.5, 1e308, true, false)),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(5).list().ofMaxSize(3).map(Object.class::cast)),
                Tuple.of(1,
                        Arbitraries.strings()
                            .alpha()
                            .ofMaxLength(5)
                            .map((key) -> (Object) Map.of(key, List.of(1, "x")))),
                Tuple.of(1, Arbitraries.integers().between(1_000, 70_000).map((n) -> (Object) "9".repeat(n))));
    }

    private static Arbitrary<byte[]> jsonObject() {
        return Arbitraries
            .maps(Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(FIELD_NAMES)),
                    Tuple.of(1, Arbitraries.strings().all().ofMaxLength(10))), hostileValue())
            .ofMaxSize(12)
            .map((fields) -> JSON.writeValueAsBytes(new LinkedHashMap<>(fields)));
    }

    @Provide
    Arbitrary<byte[]> hostileBodies() {
        Arbitrary<byte[]> object = jsonObject();
        return Arbitraries.frequencyOf(Tuple.of(6, object),
                // Truncated JSON.
                Tuple.of(2,
                        Combinators.combine(object, Arbitraries.doubles().between(0, 1))
                            .as((bytes, cut) -> java.util.Arrays.copyOf(bytes, (int) (bytes.length * cut)))),
                // Duplicate keys.
                Tuple.of(1,
                        Arbitraries.of(FIELD_NAMES)
                            .map((name) -> ("{\"" + name + "\":\"1\",\"" + name + "\":\"2\",\"" + name + "\":[3]}")
                                .getBytes(StandardCharsets.UTF_8))),
                // Arrays, scalars and nothing.
                Tuple.of(1,
                        Arbitraries.of("[]", "[1,2]", "null", "true", "12", "\"text\"", "", "{", "}", "{{}}")
                            .map((text) -> text.getBytes(StandardCharsets.UTF_8))),
                // Raw bytes: invalid UTF-8, NUL, control characters.
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                // EUC-KR text in a form.
                Tuple.of(1,
                        Arbitraries.strings()
                            .withCharRange('가', '힣')
                            .ofMaxLength(20)
                            .map((text) -> ("PCD_PAY_GOODS=" + text + "&PCD_PAY_TOTAL=1000&PCD_PAYER_NAME=" + text)
                                .getBytes(Charset.forName("EUC-KR")))),
                // Form pairs of field names and hostile values.
                Tuple.of(2,
                        Arbitraries.maps(Arbitraries.of(FIELD_NAMES), Arbitraries.strings().all().ofMaxLength(30))
                            .ofMaxSize(8)
                            .map((fields) -> {
                                StringBuilder form = new StringBuilder();
                                fields.forEach((k, v) -> form.append(k).append('=').append(v).append('&'));
                                return form.toString().getBytes(StandardCharsets.UTF_8);
                            })),
                // Over the limit.
                Tuple.of(1, Arbitraries.just("{\"PCD_PAY_GOODS\":\"" + "가".repeat(350_000) + "\"}")
                    .map((text) -> text.getBytes(StandardCharsets.UTF_8))));
    }

    private static HttpResponse<String> send(String method, String path, String contentType, byte[] body,
            String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Referer", PaypleTestClient.REFERER)
            .method(method, body.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("at kr.gyeol")
            .doesNotContain("at org.springframework")
            .doesNotContain("Exception:");
    }

    @Property(tries = 600)
    void everyPaypleEndpointAnswersAPaypleErrorForAnyBody(@ForAll("paypleEndpoints") String path,
            @ForAll("methods") String method, @ForAll("contentTypes") String contentType,
            @ForAll("hostileBodies") byte[] body) throws Exception {
        HttpResponse<String> response = send(method, path, contentType, body, null);
        assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(200);
        assertNoStackTrace(response);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.isObject()).as(response.body()).isTrue();
        // A refusal, in whichever shape the operation answers.
        String result = answer.has("PCD_PAY_RST") ? answer.get("PCD_PAY_RST").asString()
                : answer.has("result") ? answer.get("result").asString()
                        : answer.has("PCD_LINK_RST") ? answer.get("PCD_LINK_RST").asString() : null;
        assertThat(result).as(response.body()).isNotNull().isNotEqualToIgnoringCase("success");
        assertThat(rows()).as("rows of payments, keys, refunds, receipts, links, plans, subscriptions")
            .isEqualTo(rowsBefore);
    }

    @Property(tries = 400)
    void everyJsonRouteAnswersAProblemOrARead(@ForAll("jsonRoutes") String route,
            @ForAll("contentTypes") String contentType, @ForAll("hostileBodies") byte[] body) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        HttpResponse<String> response = send(method, path, contentType, body, BASIC);
        assertNoStackTrace(response);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).path("code").asString()).isNotBlank();
        }
        else {
            // Reads; and the few changes that take any body (a test clock with defaults,
            // a
            // new webhook secret, receivers set to none).
            assertThat(method.equals("GET") || ANY_BODY.contains(route))
                .as("%s %s answered %d to a hostile body: %s", method, path, response.statusCode(), response.body())
                .isTrue();
        }
        assertThat(rows()).as("rows of payments, keys, refunds, receipts, links, plans, subscriptions")
            .isEqualTo(rowsBefore);
    }

}
