package kr.gyeol.idempotency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} over real HTTP: a retried charge (with the new AuthKey of its
 * own auth.php) gets the first answer and charges once; another request under a used key
 * is refused; concurrent duplicates charge once; the JSON APIs replay status and body;
 * keys are per partner. Checked in the payments and plans tables.
 */
class IdempotencyKeyIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BASIC = PaypleTestClient.BASIC;

    @Autowired
    JdbcClient jdbc;

    /**
     * auth.php for a card charge, then the charge with the key: the whole retry chain.
     */
    private HttpResponse<String> charge(String key, String billingKey, long amount) throws Exception {
        Map<String, String> session = this.payple.auth(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", "card");
        body.put("PCD_PAYER_ID", billingKey);
        body.put("PCD_PAY_GOODS", "멱등 구독");
        body.put("PCD_PAY_TOTAL", String.valueOf(amount));
        body.put("PCD_SIMPLE_FLAG", "Y");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(session.get("return_url")))
            .header("Content-Type", "application/json")
            .header("Referer", PaypleTestClient.REFERER)
            .POST(HttpRequest.BodyPublishers
                .ofString(JSON.writeValueAsString(PaypleTestClient.withEnvelope(session, body))));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> fields(HttpResponse<String> response) {
        return JSON.readValue(response.body(), new TypeReference<Map<String, String>>() {
        });
    }

    private long payments(String billingKey) {
        return this.jdbc.sql("SELECT count(*) FROM payments WHERE billing_key_id = :key")
            .param("key", billingKey)
            .query(Long.class)
            .single();
    }

    private HttpResponse<String> json(String method, String path, String body, String key, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Autowired
    IdempotencyKeys keys;

    /**
     * The once-only runner the Payple edge and the overseas API share: a call that fails
     * before it tried to write gives the key back (a retry runs); one that fails after a
     * write was tried keeps the unknown answer, which a retry gets without running.
     */
    @Test
    void aFailureBeforeAnyWriteFreesTheKeyAndOneAfterAWriteKeepsItsUnknownAnswer() {
        kr.gyeol.shared.PartnerId partner = kr.gyeol.shared.PartnerId.of(PaypleTestClient.PARTNER);
        String before = "idem-before-" + UUID.randomUUID();
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> kr.gyeol.web.Idempotency.once(this.keys, partner, before, "hash", "application/json", () -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("before any write");
                }, (failure) -> "unknown".getBytes(StandardCharsets.UTF_8))))
            .hasMessage("before any write");
        kr.gyeol.web.Idempotency.Once retried = kr.gyeol.web.Idempotency.once(this.keys, partner, before, "hash",
                "application/json", () -> {
                    runs.incrementAndGet();
                    return "ran".getBytes(StandardCharsets.UTF_8);
                }, (failure) -> "unknown".getBytes(StandardCharsets.UTF_8));
        assertThat(retried).isInstanceOfSatisfying(kr.gyeol.web.Idempotency.Once.Answered.class, (answered) -> {
            assertThat(new String(answered.body(), StandardCharsets.UTF_8)).isEqualTo("ran");
            assertThat(answered.replayed()).isFalse();
        });
        assertThat(runs).hasValue(2);

        String after = "idem-after-" + UUID.randomUUID();
        kr.gyeol.web.Idempotency.Once failed = kr.gyeol.web.Idempotency.once(this.keys, partner, after, "hash",
                "application/json", () -> {
                    runs.incrementAndGet();
                    kr.gyeol.shared.CommitAttempts.mark();
                    throw new IllegalStateException("after a write");
                }, (failure) -> "unknown".getBytes(StandardCharsets.UTF_8));
        assertThat(failed).isInstanceOfSatisfying(kr.gyeol.web.Idempotency.Once.Answered.class,
                (answered) -> assertThat(new String(answered.body(), StandardCharsets.UTF_8)).isEqualTo("unknown"));
        kr.gyeol.web.Idempotency.Once replayed = kr.gyeol.web.Idempotency.once(this.keys, partner, after, "hash",
                "application/json", () -> {
                    runs.incrementAndGet();
                    return "ran again".getBytes(StandardCharsets.UTF_8);
                }, (failure) -> "unknown".getBytes(StandardCharsets.UTF_8));
        assertThat(replayed).isInstanceOfSatisfying(kr.gyeol.web.Idempotency.Once.Answered.class, (answered) -> {
            assertThat(new String(answered.body(), StandardCharsets.UTF_8)).isEqualTo("unknown");
            assertThat(answered.replayed()).isTrue();
        });
        assertThat(runs).as("the retry after a write did not run").hasValue(3);
        assertThat(kr.gyeol.web.Idempotency.once(this.keys, partner, after, "another hash", "application/json",
                () -> new byte[0], (failure) -> new byte[0]))
            .isInstanceOf(kr.gyeol.web.Idempotency.Once.Reused.class);
    }

    @Test
    void aRetriedChargeGetsTheFirstAnswerAndChargesOnce() throws Exception {
        String billingKey = this.payple.registerCard(PaypleTestClient.CARD);
        String key = "charge-" + UUID.randomUUID();

        HttpResponse<String> first = charge(key, billingKey, 4_000);
        assertThat(fields(first)).containsEntry("PCD_PAY_RST", "success");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        HttpResponse<String> retry = charge(key, billingKey, 4_000);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(payments(billingKey)).isEqualTo(1);

        // Without a key the same request is a new charge (the order id is generated).
        assertThat(fields(charge(null, billingKey, 4_000))).containsEntry("PCD_PAY_RST", "success");
        assertThat(payments(billingKey)).isEqualTo(2);
    }

    @Test
    void aUsedKeyWithAnotherRequestIsRefusedAndChargesNothing() throws Exception {
        String billingKey = this.payple.registerCard(PaypleTestClient.CARD);
        String key = "reuse-" + UUID.randomUUID();
        assertThat(fields(charge(key, billingKey, 4_000))).containsEntry("PCD_PAY_RST", "success");

        assertThat(fields(charge(key, billingKey, 5_000))).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "IDEM0002");
        assertThat(fields(charge("x".repeat(256), billingKey, 5_000))).containsEntry("PCD_PAY_CODE", "IDEM0001");
        assertThat(fields(charge("bad key", billingKey, 5_000))).containsEntry("PCD_PAY_CODE", "IDEM0001");
        assertThat(payments(billingKey)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesChargeOnceAndAllGetItsAnswer() throws Exception {
        String billingKey = this.payple.registerCard(PaypleTestClient.CARD);
        String key = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return charge(key, billingKey, 6_000).body();
            }));
        }
        go.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<String> answer : answers) {
            bodies.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(payments(billingKey)).isEqualTo(1);
        assertThat(bodies).allSatisfy((body) -> assertThat(body).isEqualTo(bodies.get(0)));
        assertThat(bodies.get(0)).contains("\"PCD_PAY_RST\":\"success\"");
    }

    @Test
    void theJsonApisReplayStatusAndBodyRefuseAnotherBodyAndScopeKeysByPartner() throws Exception {
        String key = "plan-" + UUID.randomUUID();
        String plan = "{\"name\":\"멱등 요금제\",\"amount\":1000,\"interval\":\"MONTH\"}";
        HttpResponse<String> created = json("POST", "/v1/plans", plan, key, BASIC);
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> again = json("POST", "/v1/plans", plan, key, BASIC);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(created.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(this.jdbc.sql("SELECT count(*) FROM plans WHERE name = '멱등 요금제' AND partner_id = 'test'")
            .query(Long.class)
            .single()).isEqualTo(1);

        HttpResponse<String> other = json("POST", "/v1/plans", plan.replace("1000", "2000"), key, BASIC);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("\"code\":\"idempotency-key-reused\"");
        assertThat(json("POST", "/v1/plans", plan, "x".repeat(256), BASIC).body())
            .contains("\"code\":\"invalid-idempotency-key\"");

        // The same key of another partner is that partner's own.
        String strict = "Basic " + Base64.getEncoder()
            .encodeToString("strict:strict-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> theirs = json("POST", "/v1/plans", plan, key, strict);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.body()).isNotEqualTo(created.body());
        assertThat(theirs.headers().firstValue("Idempotent-Replayed")).isEmpty();

        // A refusal is an answer too, replayed; a wrong password is never stored.
        String bad = "{\"name\":\"\",\"amount\":1000,\"interval\":\"MONTH\"}";
        String badKey = "bad-" + UUID.randomUUID();
        assertThat(json("POST", "/v1/plans", bad, badKey, BASIC).statusCode()).isEqualTo(400);
        assertThat(json("POST", "/v1/plans", bad, badKey, BASIC).headers().firstValue("Idempotent-Replayed"))
            .hasValue("true");
        String wrong = "Basic " + Base64.getEncoder().encodeToString("test:wrong".getBytes(StandardCharsets.UTF_8));
        String wrongKey = "wrong-" + UUID.randomUUID();
        assertThat(json("POST", "/v1/plans", plan, wrongKey, wrong).statusCode()).isEqualTo(401);
        assertThat(this.jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE key = :key")
            .param("key", wrongKey)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void concurrentJsonDuplicatesCreateOnePlan() throws Exception {
        String key = "plan-race-" + UUID.randomUUID();
        String name = "동시 " + key;
        String plan = "{\"name\":\"" + name + "\",\"amount\":1000,\"interval\":\"MONTH\"}";
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return json("POST", "/v1/plans", plan, key, BASIC);
            }));
        }
        go.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(201);
            bodies.add(response.body());
        }
        pool.shutdown();
        assertThat(bodies).containsOnly(bodies.get(0));
        assertThat(this.jdbc.sql("SELECT count(*) FROM plans WHERE name = :name")
            .param("name", name)
            .query(Long.class)
            .single()).isEqualTo(1);
    }

}
