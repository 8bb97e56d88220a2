package kr.gyeol.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The console over HTTP: sign-in and sign-out, CSRF on every form, search and a payment's
 * history, a refund through the one refund path, and isolation enumerated over every
 * console route: partner {@code other}, signed in, reaches nothing of {@code test}'s.
 */
class ConsoleIT extends GatewayTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    /** A browser of one user: its own cookies, no redirects followed. */
    private final class User {

        private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

        private String csrf;

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> page = this.http.send(
                    HttpRequest.newBuilder(URI.create(payple.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(page.body());
            if (token.find()) {
                this.csrf = token.group(1);
            }
            return page;
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            if (path.equals("/console/login") && !form.containsKey("_csrf")) {
                // As a browser signs in: from the form, with its token.
                get("/console/login");
                form = new LinkedHashMap<>(form);
                form.put("_csrf", this.csrf);
            }
            String body = form.entrySet()
                .stream()
                .map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
            return this.http.send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form of the signed-in session, with its CSRF token. */
        HttpResponse<String> submit(String path, Map<String, String> form) throws Exception {
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.put("_csrf", this.csrf);
            return post(path, withToken);
        }

        User signIn(String partner, String key) throws Exception {
            HttpResponse<String> answer = post("/console/login", Map.of("cst_id", partner, "key", key));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly")
                .contains("SameSite=Strict");
            assertThat(get("/console").statusCode()).isEqualTo(200);
            return this;
        }

    }

    @Test
    void aSignInNotPostedFromTheFormIsRefusedAndHttpsBehindTheProxyMakesCookiesSecure() throws Exception {
        User forger = new User();
        HttpResponse<String> forged = forger.post("/console/login",
                Map.of("cst_id", "test", "key", PaypleTestClient.SECRET, "_csrf", "not-the-token"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("gyeol_console="));
        HttpResponse<String> noToken = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("cst_id=test&key=" + PaypleTestClient.SECRET))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);

        // Behind the reverse proxy (loopback here, trusted), the original request was
        // https: every cookie is Secure.
        // A Secure cookie is not sent back over this test's plain http: it is carried by
        // hand, as the proxy's https would.
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/console/login"))
            .header("X-Forwarded-Proto", "https")
            .build(), HttpResponse.BodyHandlers.ofString());
        String signInCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(signInCookie).contains("Secure");
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = browser
            .send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/console/login"))
                .header("X-Forwarded-Proto", "https")
                .header("Cookie", signInCookie.substring(0, signInCookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers
                    .ofString("cst_id=test&key=" + PaypleTestClient.SECRET + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("gyeol_console=")
            .contains("Secure");
    }

    private String approvedPayment(long amount) {
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("console");
        assertThat(this.payple.chargeCard(key, orderId, amount)).containsEntry("PCD_PAY_RST", "success");
        return orderId;
    }

    private String paymentId(String orderId) {
        return this.jdbc.sql("SELECT id FROM payments WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(String.class)
            .single();
    }

    @Test
    void pagesNeedASignInAndWrongCredentialsAreRefused() throws Exception {
        User anonymous = new User();
        HttpResponse<String> page = anonymous.get("/console/payments");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        assertThat(anonymous.post("/console/billing-keys/x/revoke", Map.of()).statusCode()).isEqualTo(401);

        HttpResponse<String> wrong = anonymous.post("/console/login", Map.of("cst_id", "test", "key", "not-the-key"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("파트너 ID 또는 키가 올바르지 않습니다.").doesNotContain("not-the-key");
        assertThat(anonymous.get("/console/login?lang=en").body()).contains("Sign in");
        assertThat(anonymous.get("/console/login").body()).as("the language is remembered").contains("Sign in");
    }

    @Test
    void aPartnerFindsAPaymentSeesItsHistoryAndRefundsPartOfItOnce() throws Exception {
        String orderId = approvedPayment(10_000);
        String id = paymentId(orderId);
        User user = new User().signIn("test", PaypleTestClient.SECRET);

        String found = user.get("/console/payments?orderId=" + orderId).body();
        assertThat(found).contains("/console/payments/" + id).contains("10,000 KRW");
        assertThat(user.get("/console/payments?orderId=" + orderId + "&status=DECLINED").body())
            .doesNotContain("/console/payments/" + id);
        assertThat(user.get("/console/payments?payer=%25").body()).as("a LIKE wildcard is only a character")
            .doesNotContain("/console/payments/" + id);

        String detail = user.get("/console/payments/" + id).body();
        assertThat(detail).contains("APPROVED").contains("4242-****-****-4242").contains("id=\"refund-button\"");

        // No token, or the wrong one: refused, nothing refunded.
        assertThat(user.post("/console/payments/" + id + "/refund", Map.of("amount", "3000", "confirm", "yes"))
            .statusCode()).isEqualTo(403);
        assertThat(user
            .post("/console/payments/" + id + "/refund", Map.of("amount", "3000", "confirm", "yes", "_csrf", "forged"))
            .statusCode()).isEqualTo(403);
        // Not confirmed: refused with a message.
        assertThat(user.submit("/console/payments/" + id + "/refund", Map.of("amount", "3000")).statusCode())
            .isEqualTo(422);
        assertThat(refunded(id)).isZero();

        HttpResponse<String> refund = user.submit("/console/payments/" + id + "/refund",
                Map.of("amount", "3,000", "confirm", "yes"));
        assertThat(refund.statusCode()).isEqualTo(302);
        assertThat(refunded(id)).isEqualTo(3_000);
        assertThat(user.get("/console/payments/" + id).body()).contains("3,000 KRW").contains("7,000 KRW");

        HttpResponse<String> tooMuch = user.submit("/console/payments/" + id + "/refund",
                Map.of("amount", "7001", "confirm", "yes"));
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("환불 가능 금액을 초과했습니다.");
        assertThat(refunded(id)).isEqualTo(3_000);
    }

    @Test
    void aPartnerRevokesABillingKeyWhoseIdHoldsAnySymbol() throws Exception {
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        User user = new User().signIn("test", PaypleTestClient.SECRET);
        assertThat(user.submit("/console/billing-keys/revoke", Map.of("key", key)).statusCode()).isEqualTo(302);
        assertThat(this.jdbc.sql("SELECT status FROM billing_keys WHERE id = :id")
            .param("id", key)
            .query(String.class)
            .single()).isEqualTo("REVOKED");
        assertThat(this.payple.chargeCard(key, PaypleTestClient.uniqueOrderId("revoked"), 1000))
            .doesNotContainEntry("PCD_PAY_RST", "success");
    }

    /**
     * The page shows a key masked, as docs/console.md promises, and its revoke form names
     * the key by its digest, so the key itself is nowhere in the page.
     */
    @Test
    void billingKeysAreShownMaskedAndRevokedByTheirDigest() throws Exception {
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        User user = new User().signIn("test", PaypleTestClient.SECRET);
        String page = user.get("/console/billing-keys").body();
        assertThat(page).doesNotContain(key)
            .contains(key.substring(0, 4) + "…" + key.substring(key.length() - 4))
            .contains("4242-****-****-4242")
            .contains("카드")
            .contains("사용 중");
        Matcher ref = Pattern
            .compile(
                    "name=\"ref\" value=\"(" + java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8))) + ")\"")
            .matcher(page);
        assertThat(ref.find()).as("the revoke form names the key by its SHA-256").isTrue();
        assertThat(user.submit("/console/billing-keys/revoke", Map.of("ref", "0".repeat(64))).statusCode())
            .isEqualTo(404);
        assertThat(user.submit("/console/billing-keys/revoke", Map.of("ref", ref.group(1))).statusCode())
            .isEqualTo(302);
        assertThat(this.jdbc.sql("SELECT status FROM billing_keys WHERE id = :id")
            .param("id", key)
            .query(String.class)
            .single()).isEqualTo("REVOKED");
        assertThat(user.get("/console/billing-keys?lang=en").body()).contains("Revoked");
    }

    /**
     * States, instruments and decline reasons read in Korean, and in English when chosen.
     */
    @Test
    void statesInstrumentsAndDeclineReasonsReadInThePagesLanguage() throws Exception {
        String orderId = approvedPayment(2_000);
        String declined = PaypleTestClient.uniqueOrderId("console-declined");
        this.payple.chargeCard(this.payple.registerCard("4000000000009995"), declined, 2_000);
        User user = new User().signIn("test", PaypleTestClient.SECRET);
        String korean = user.get("/console/payments?orderId=" + orderId + "&lang=ko").body();
        assertThat(korean).contains(">승인</span>").contains("<td>카드 ").doesNotContain(">APPROVED<");
        assertThat(korean).contains("<option value=\"DECLINED\">거절</option>")
            .contains("<option value=\"BANK_ACCOUNT\">계좌</option>");
        assertThat(user.get("/console").body()).contains("잔액 부족").doesNotContain("INSUFFICIENT_FUNDS");
        assertThat(user.get("/console/payments/" + paymentId(declined)).body()).contains(">거절</span>");
        String english = user.get("/console/payments?orderId=" + orderId + "&lang=en").body();
        assertThat(english).contains(">Approved</span>").contains("<td>Card ");
        assertThat(user.get("/console").body()).contains("Insufficient funds");
        user.get("/console?lang=ko");
    }

    /**
     * The delivery log, narrowed by status, type and order id, fifty events a page with a
     * link to the next.
     */
    @Test
    void theWebhookLogFiltersByStatusTypeAndOrderAndPages() throws Exception {
        String orderId = approvedPayment(3_000);
        String paymentId = paymentId(orderId);
        List<String> trialEvents = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            String id = "evt_page_" + System.nanoTime() + "_" + i;
            trialEvents.add(id);
            this.jdbc.sql("""
                    INSERT INTO webhook_events (id, partner_id, type, subject_id, status, attempts, created_at)
                    VALUES (:id, 'test', 'SUBSCRIPTION_TRIAL_ENDING', 'sub_console_paging', 'DELIVERED', 1,
                            now() - make_interval(secs => :age))
                    """).param("id", id).param("age", i).update();
        }
        String failed = "evt_failed_" + System.nanoTime();
        this.jdbc.sql("""
                INSERT INTO webhook_events (id, partner_id, type, subject_id, status, attempts, created_at)
                VALUES (:id, 'test', 'PAYMENT', :subject, 'FAILED', 3, now())
                """).param("id", failed).param("subject", paymentId).update();
        User user = new User().signIn("test", PaypleTestClient.SECRET);

        String byStatus = user.get("/console/webhooks?status=FAILED").body();
        assertThat(byStatus).contains(failed).doesNotContain(trialEvents.getFirst());
        String byOrder = user.get("/console/webhooks?orderId=" + orderId).body();
        assertThat(byOrder).contains(failed).doesNotContain(trialEvents.getFirst());
        assertThat(user.get("/console/webhooks?orderId=no-such-order").body()).doesNotContain(failed)
            .contains("웹훅 이벤트가 없습니다.");

        // Every trial-ending event, followed page by page; none twice, at most fifty a
        // page.
        List<String> seen = new ArrayList<>();
        String next = "/console/webhooks?type=SUBSCRIPTION_TRIAL_ENDING";
        Pattern row = Pattern.compile("data-event=\"([^\"]+)\"");
        Pattern nextLink = Pattern.compile("<a href=\"([^\"]+)\">다음</a>");
        int pages = 0;
        while (next != null) {
            String page = user.get(org.springframework.web.util.HtmlUtils.htmlUnescape(next)).body();
            assertThat(page).doesNotContain(failed).contains("무료 체험 종료 예정");
            Matcher rows = row.matcher(page);
            int onPage = 0;
            while (rows.find()) {
                seen.add(rows.group(1));
                onPage++;
            }
            assertThat(onPage).isLessThanOrEqualTo(50);
            Matcher link = nextLink.matcher(page);
            next = link.find() ? link.group(1) : null;
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).doesNotHaveDuplicates().containsAll(trialEvents);
    }

    /**
     * A subscription's page: its invoices and events, cancel / pause / resume, and its
     * test clock advanced from the console, each running through the same service as the
     * {@code /v1} API.
     */
    @Test
    void aSubscriptionsPageShowsItsInvoicesAndPausesResumesAdvancesAndCancelsIt() throws Exception {
        kr.gyeol.client.Billing billing = billing();
        java.time.Instant start = java.time.LocalDateTime.parse("2025-01-10T09:00")
            .atZone(kr.gyeol.shared.KoreanTime.ZONE)
            .toInstant();
        String clock = billing.createTestClock("console", start).id();
        String plan = billing.createPlan(kr.gyeol.client.PlanRequest.monthly("콘솔 월간", 5_500)).id();
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        String id = billing.subscribe(kr.gyeol.client.SubscriptionRequest.of(plan, key).onTestClock(clock)).id();
        User user = new User().signIn("test", PaypleTestClient.SECRET);

        String page = user.get("/console/subscriptions/" + id).body();
        assertThat(page).contains("콘솔 월간")
            .contains(">이용 중</span>")
            .contains("1개월마다")
            .contains(">결제 완료</span>")
            .contains("2025-01-10 09:00:00")
            .contains("정기결제 시작")
            .doesNotContain(key);
        assertThat(user.get("/console/subscriptions").body()).contains("/console/subscriptions/" + id)
            .doesNotContain(key);

        // A month on the test clock: the second period is charged.
        assertThat(user.submit("/console/subscriptions/" + id + "/clock", Map.of("by", "P1M")).statusCode())
            .isEqualTo(302);
        assertThat(invoices(id)).isEqualTo(2);
        assertThat(user.get("/console/subscriptions/" + id).body()).contains("2025-02-10 09:00:00").contains("정기결제 갱신");
        HttpResponse<String> back = user.submit("/console/subscriptions/" + id + "/clock",
                Map.of("to", "2025-01-01T00:00"));
        assertThat(back.statusCode()).isEqualTo(422);
        assertThat(back.body()).contains("테스트 시계는 앞으로만 갑니다.");
        assertThat(user.submit("/console/subscriptions/" + id + "/clock", Map.of("to", "not a time")).statusCode())
            .isEqualTo(422);

        assertThat(user.submit("/console/subscriptions/" + id + "/pause", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("PAUSED");
        assertThat(user.get("/console/subscriptions/" + id).body()).contains(">일시 정지</span>").contains("id=\"resume\"");
        assertThat(user.submit("/console/subscriptions/" + id + "/resume", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("ACTIVE");

        // Canceling now needs the box ticked; a second cancel says it is already done.
        assertThat(user.submit("/console/subscriptions/" + id + "/cancel", Map.of("when", "now")).statusCode())
            .isEqualTo(422);
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(user.submit("/console/subscriptions/" + id + "/cancel", Map.of("when", "now", "confirm", "yes"))
            .statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("CANCELED");
        HttpResponse<String> again = user.submit("/console/subscriptions/" + id + "/cancel",
                Map.of("when", "now", "confirm", "yes"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("이미 해지된 정기결제입니다.");
        assertThat(user.get("/console/subscriptions/" + id + "?lang=en").body()).contains(">Canceled</span>")
            .contains("every 1 month(s)");
        user.get("/console?lang=ko");
        assertThat(user.get("/console/subscriptions/no-such-subscription").statusCode()).isEqualTo(404);
    }

    /** The recurring-billing API of the test partner, through the Java client. */
    private kr.gyeol.client.Billing billing() {
        return kr.gyeol.client.GyeolClient.builder()
            .hosts(kr.gyeol.client.Hosts.gyeol(this.payple.baseUrl()))
            .partner(PaypleTestClient.PARTNER, PaypleTestClient.SECRET)
            .referer(PaypleTestClient.REFERER)
            .build()
            .billing();
    }

    private long invoices(String subscriptionId) {
        return this.jdbc.sql("SELECT count(*) FROM invoices WHERE subscription_id = :id")
            .param("id", subscriptionId)
            .query(Long.class)
            .single();
    }

    private String status(String subscriptionId) {
        return this.jdbc.sql("SELECT status FROM subscriptions WHERE id = :id")
            .param("id", subscriptionId)
            .query(String.class)
            .single();
    }

    /** A JSON call to the gateway, answered as text. */
    private HttpResponse<String> json(String method, String path, String authorization, String body) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTestPartnersSettingsShowTheFaultsItsTestsArmedAndDisarmThem() throws Exception {
        HttpResponse<String> made = json("POST", "/v1/test-kit/partners", "Bearer " + TEST_KIT_KEY, "{}");
        assertThat(made.statusCode()).isEqualTo(201);
        String id = made.body().replaceAll(".*\"cstId\":\"([^\"]+)\".*", "$1");
        String key = made.body().replaceAll(".*\"custKey\":\"([^\"]+)\".*", "$1");
        User user = new User().signIn(id, key);
        assertThat(user.get("/console/settings").body()).contains("id=\"no-faults\"");

        assertThat(json("POST", "/v1/test/faults", PaypleTestClient.basic(id, key),
                "{\"outcome\":\"DECLINE\",\"declineReason\":\"INSUFFICIENT_FUNDS\",\"count\":3}")
            .statusCode()).isEqualTo(201);
        assertThat(json("POST", "/v1/test/faults", PaypleTestClient.basic(id, key),
                "{\"operation\":\"REGISTRATION\",\"cardNumber\":\"5555555555554444\",\"outcome\":\"APPROVE\"}")
            .statusCode()).isEqualTo(201);
        assertThat(json("POST", "/v1/test/webhook-faults", PaypleTestClient.basic(id, key),
                "{\"kind\":\"FAIL\",\"failures\":2,\"eventType\":\"CANCEL\"}")
            .statusCode()).isEqualTo(201);
        String armed = user.get("/console/settings").body();
        assertThat(armed).contains("<td><code>FAIL</code></td><td>취소</td><td>2</td><td></td><td>1 / 1</td>")
            .contains("id=\"faults\"")
            .contains("<td>결제</td><td><code>DECLINE</code>")
            .contains("잔액 부족")
            .contains("3 / 3")
            .contains("<td>모두</td>")
            .contains("<td>등록</td><td><code>APPROVE</code></td><td>5555-****-****-4444</td>")
            .doesNotContain("5555555555554444");

        assertThat(user.submit("/console/settings/faults/disarm", Map.of()).statusCode()).isEqualTo(302);
        assertThat(user.get("/console/settings").body()).contains("id=\"no-faults\"")
            .doesNotContain("id=\"webhook-faults\"");
        // A live partner's settings have no such section.
        assertThat(new User().signIn("strict", "strict-secret-0123456789").get("/console/settings").body())
            .doesNotContain("no-faults")
            .doesNotContain("id=\"faults\"");
    }

    @Test
    void settingsSetTheWebhookReceiversAndRotateTheSecretWithTheApisRules() throws Exception {
        User user = new User().signIn("test", PaypleTestClient.SECRET);
        assertThat(user.get("/console/settings").body()).contains("test_DF55F29DA654A8CBC0F0A9DD4B556486");
        HttpResponse<String> wrong = user.submit("/console/settings/webhooks",
                Map.of("resultUrl", "javascript:alert(1)", "format", "JSON"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(user
            .submit("/console/settings/webhooks",
                    Map.of("resultUrl", "http://127.0.0.1:9/console-hook", "format", "FORM"))
            .statusCode()).isEqualTo(302);
        assertThat(this.jdbc.sql("SELECT result_url || ' ' || format FROM webhook_endpoints WHERE partner_id = 'test'")
            .query(String.class)
            .single()).isEqualTo("http://127.0.0.1:9/console-hook FORM");
        String before = secretCiphertext();
        HttpResponse<String> rotated = user.submit("/console/settings/webhooks/secret", Map.of());
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.body()).containsPattern("id=\"new-secret\">whsec_[^<]+<");
        assertThat(secretCiphertext()).isNotEqualTo(before);
        assertThat(new User().signIn("strict", "strict-secret-0123456789").get("/console/settings").body())
            .contains("<code>10.9.9.9</code>")
            .contains("shop.example.com")
            .contains("운영");
        for (String page : List.of("/console/subscriptions", "/console/links", "/console/cash-receipts",
                "/console/webhooks", "/console/billing-keys", "/console?days=90")) {
            assertThat(user.get(page).statusCode()).as(page).isEqualTo(200);
        }
    }

    private String secretCiphertext() {
        return this.jdbc.sql("SELECT encode(secret_ciphertext, 'hex') FROM webhook_endpoints WHERE partner_id = 'test'")
            .query(String.class)
            .single();
    }

    @Test
    void anOperatorSignsInWithABcryptPasswordChoosesAPartnerAndSeesOnlyThatPartnersData() throws Exception {
        String orderId = approvedPayment(4_000);
        String id = paymentId(orderId);
        assertThat(new User().post("/console/login", Map.of("cst_id", "ops", "key", "wrong")).statusCode())
            .isEqualTo(401);
        User operator = new User();
        assertThat(operator.post("/console/login", Map.of("cst_id", "ops", "key", "ops-password-0123")).statusCode())
            .isEqualTo(302);
        // No partner chosen yet: every page leads to the choice, and no action runs.
        HttpResponse<String> first = operator.get("/console/payments");
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/console/operator");
        String choice = operator.get("/console/operator").body();
        assertThat(choice).contains("data-partner=\"test\"").contains("data-partner=\"other\"");
        assertThat(operator.submit("/console/payments/" + id + "/refund", Map.of("amount", "1000", "confirm", "yes"))
            .statusCode()).isEqualTo(409);

        assertThat(operator.submit("/console/operator/partner", Map.of("partner", "other")).statusCode())
            .isEqualTo(302);
        assertThat(operator.get("/console/payments/" + id).statusCode()).isEqualTo(404);
        assertThat(operator.submit("/console/operator/partner", Map.of("partner", "no-such-partner")).statusCode())
            .isEqualTo(404);
        assertThat(operator.submit("/console/operator/partner", Map.of("partner", " ")).statusCode()).isEqualTo(404);
        assertThat(new User().post("/console/login", Map.of("cst_id", "ops", "key", "x".repeat(100))).statusCode())
            .as("a password BCrypt cannot take")
            .isEqualTo(401);
        assertThat(operator.submit("/console/operator/partner", Map.of("partner", "test")).statusCode()).isEqualTo(302);
        String page = operator.get("/console/payments/" + id).body();
        assertThat(page).contains(orderId).contains("ops → ");
        assertThat(operator.get("/console/payments?orderId=" + orderId).body()).contains("/console/payments/" + id);

        // A partner's own session has no choice to make.
        User partner = new User().signIn("other", "other-secret-0123456789");
        assertThat(partner.get("/console/operator").statusCode()).isEqualTo(404);
        assertThat(partner.submit("/console/operator/partner", Map.of("partner", "test")).statusCode()).isEqualTo(404);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aRotatedPartnerKeyWorksAtOnceTheOldOneUntilItsOverlapEndsAndARestartKeepsIt() throws Exception {
        String old = "rotating-secret-0123456789";
        User user = new User().signIn("rotating", old);
        assertThat(user.get("/console/settings").body()).doesNotContain("id=\"previous-key\"");
        HttpResponse<String> rotated = user.submit("/console/settings/key", Map.of("overlap", "1h"));
        assertThat(rotated.statusCode()).isEqualTo(200);
        Matcher shown = Pattern.compile("id=\"new-key\">([^<]+)<").matcher(rotated.body());
        assertThat(shown.find()).isTrue();
        String key = shown.group(1);
        assertThat(rotated.body()).contains("id=\"previous-key\"");
        PaypleTestClient withOld = new PaypleTestClient(this.payple.baseUrl(), "rotating", old);
        PaypleTestClient withNew = new PaypleTestClient(this.payple.baseUrl(), "rotating", key);
        assertThat(withNew.auth(Map.of())).containsEntry("result", "success");
        assertThat(withOld.auth(Map.of())).as("within the overlap").containsEntry("result", "success");

        // A start with the same configuration keeps the rotated key.
        ((org.springframework.beans.factory.InitializingBean) this.context.getBean("partnerSeeder"))
            .afterPropertiesSet();
        assertThat(withNew.auth(Map.of())).containsEntry("result", "success");

        this.clock.advance(java.time.Duration.ofHours(1).plusSeconds(1));
        assertThat(withOld.auth(Map.of())).as("after the overlap").doesNotContainEntry("result", "success");
        assertThat(withNew.auth(Map.of())).containsEntry("result", "success");
        assertThat(new User().post("/console/login", Map.of("cst_id", "rotating", "key", old)).statusCode())
            .isEqualTo(401);

        // No overlap: the key before is refused at once.
        User again = new User().signIn("rotating", key);
        Matcher next = Pattern.compile("id=\"new-key\">([^<]+)<")
            .matcher(again.submit("/console/settings/key", Map.of("overlap", "0")).body());
        assertThat(next.find()).isTrue();
        assertThat(withNew.auth(Map.of())).doesNotContainEntry("result", "success");
        assertThat(new PaypleTestClient(this.payple.baseUrl(), "rotating", next.group(1)).auth(Map.of()))
            .containsEntry("result", "success");
    }

    private long refunded(String paymentId) {
        return this.jdbc
            .sql("SELECT coalesce(sum(amount), 0) FROM refunds WHERE payment_id = :id AND status = 'APPROVED'")
            .param("id", paymentId)
            .query(Long.class)
            .single();
    }

    @Test
    void signingOutDeletesTheSessionSoNoNodeHonoursItAgain() throws Exception {
        User user = new User().signIn("test", PaypleTestClient.SECRET);
        long sessions = consoleSessions();
        assertThat(user.submit("/console/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(consoleSessions()).as("sessions are rows: a sign-out is seen by every node").isEqualTo(sessions - 1);
        assertThat(user.get("/console").statusCode()).isEqualTo(302);
    }

    private long consoleSessions() {
        return this.jdbc.sql("SELECT count(*) FROM console_sessions WHERE partner_id = 'test'")
            .query(Long.class)
            .single();
    }

    /**
     * Every console route, filled with {@code test}'s ids, answered to {@code other}:
     * reads are not found or show none of them, actions are not found and change nothing.
     * A route missing here fails the test.
     */
    @Test
    void anotherPartnerReachesNothingOfThisPartnersThroughAnyConsoleRoute() throws Exception {
        String orderId = approvedPayment(5_000);
        String paymentId = paymentId(orderId);
        String key = this.jdbc.sql("SELECT billing_key_id FROM payments WHERE id = :id")
            .param("id", paymentId)
            .query(String.class)
            .single();
        String event = this.jdbc.sql("SELECT id FROM webhook_events WHERE partner_id = 'test' LIMIT 1")
            .query(String.class)
            .optional()
            .orElseGet(() -> {
                this.jdbc.sql("""
                        INSERT INTO webhook_events (id, partner_id, type, subject_id, status, attempts, created_at)
                        VALUES ('evt_console_isolation', 'test', 'PAYMENT', :subject, 'DELIVERED', 1, now())
                        """).param("subject", paymentId).update();
                return "evt_console_isolation";
            });
        kr.gyeol.client.Billing billing = billing();
        String subscription = billing
            .subscribe(kr.gyeol.client.SubscriptionRequest
                .of(billing.createPlan(kr.gyeol.client.PlanRequest.monthly("격리", 1_000)).id(),
                        this.payple.registerCard(PaypleTestClient.CARD))
                .onTestClock(billing.createTestClock("isolation", null).id()))
            .id();
        String subscriptionBefore = status(subscription);
        String before = snapshot(paymentId, key, event);
        User other = new User().signIn("other", "other-secret-0123456789");

        List<String> routes = new ArrayList<>();
        this.mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/console")) {
                    String methods = info.getMethodsCondition().getMethods().toString();
                    routes.add(methods + " " + pattern);
                }
            }
        });
        // Each route with what other's request names of test's, and the status it must
        // get: not found for test's things, its own (empty) pages otherwise.
        record Tried(String path, int status) {
        }
        Map<String, Tried> expected = new LinkedHashMap<>();
        expected.put("[GET] /console/login", new Tried("/console/login", 200));
        expected.put("[POST] /console/login", null);
        expected.put("[POST] /console/logout", null);
        expected.put("[GET] /console", new Tried("/console", 200));
        expected.put("[GET] /console/payments",
                new Tried("/console/payments?orderId=" + orderId + "&from=2000-01-01", 200));
        expected.put("[GET] /console/payments/{id}", new Tried("/console/payments/" + paymentId, 404));
        expected.put("[POST] /console/payments/{id}/refund",
                new Tried("/console/payments/" + paymentId + "/refund", 404));
        expected.put("[GET] /console/billing-keys", new Tried("/console/billing-keys", 200));
        expected.put("[POST] /console/billing-keys/revoke", new Tried("/console/billing-keys/revoke", 404));
        expected.put("[GET] /console/webhooks", new Tried("/console/webhooks", 200));
        expected.put("[POST] /console/webhooks/events/{id}/replay",
                new Tried("/console/webhooks/events/" + event + "/replay", 404));
        expected.put("[GET] /console/subscriptions", new Tried("/console/subscriptions", 200));
        expected.put("[GET] /console/subscriptions/{id}", new Tried("/console/subscriptions/" + subscription, 404));
        expected.put("[POST] /console/subscriptions/{id}/cancel",
                new Tried("/console/subscriptions/" + subscription + "/cancel", 404));
        expected.put("[POST] /console/subscriptions/{id}/pause",
                new Tried("/console/subscriptions/" + subscription + "/pause", 404));
        expected.put("[POST] /console/subscriptions/{id}/resume",
                new Tried("/console/subscriptions/" + subscription + "/resume", 404));
        expected.put("[POST] /console/subscriptions/{id}/clock",
                new Tried("/console/subscriptions/" + subscription + "/clock", 404));
        expected.put("[GET] /console/links", new Tried("/console/links", 200));
        expected.put("[GET] /console/cash-receipts", new Tried("/console/cash-receipts", 200));
        expected.put("[GET] /console/settings", new Tried("/console/settings", 200));
        expected.put("[GET] /console/operator", new Tried("/console/operator", 404));
        expected.put("[POST] /console/operator/partner", new Tried("/console/operator/partner", 404));
        // Settings are always the signed-in partner's own: other changes only its own.
        expected.put("[POST] /console/settings/webhooks", new Tried("/console/settings/webhooks", 302));
        expected.put("[POST] /console/settings/webhooks/secret", new Tried("/console/settings/webhooks/secret", 200));
        expected.put("[POST] /console/settings/faults/disarm", new Tried("/console/settings/faults/disarm", 302));
        // Rotates the signed-in partner's own key, no other's (tried apart, below, on a
        // partner of its own: other's key is needed by the rest of the suite).
        expected.put("[POST] /console/settings/key", null);
        assertThat(routes).as("every console route is tried below")
            .containsExactlyInAnyOrderElementsOf(expected.keySet());

        for (Map.Entry<String, Tried> route : expected.entrySet()) {
            if (route.getValue() == null) {
                continue;
            }
            String path = route.getValue().path();
            HttpResponse<String> answer = route.getKey().startsWith("[POST]")
                    ? other.submit(path, Map.of("amount", "1000", "confirm", "yes", "key", key, "format", "JSON",
                            "resultUrl", "http://127.0.0.1:9/other", "when", "now", "by", "P1M"))
                    : other.get(path);
            assertThat(answer.statusCode()).as(route.getKey()).isEqualTo(route.getValue().status());
            // The search form shows back the order id it was asked for, and only that.
            String shown = answer.body().replace("value=\"" + orderId + "\"", "");
            assertThat(shown).as(route.getKey())
                .doesNotContain(paymentId)
                .doesNotContain(orderId)
                .doesNotContain(key)
                .doesNotContain(event)
                .doesNotContain(subscription);
        }
        assertThat(snapshot(paymentId, key, event)).as("nothing of test's changed").isEqualTo(before);
        assertThat(status(subscription)).isEqualTo(subscriptionBefore);
    }

    private String snapshot(String paymentId, String key, String event) {
        return this.jdbc.sql("""
                SELECT (SELECT status FROM payments WHERE id = :payment) || '|'
                    || (SELECT count(*) FROM refunds WHERE payment_id = :payment) || '|'
                    || (SELECT status FROM billing_keys WHERE id = :key) || '|'
                    || (SELECT status || attempts FROM webhook_events WHERE id = :event) || '|'
                    || coalesce((SELECT coalesce(result_url, '') || encode(secret_ciphertext, 'hex')
                                 FROM webhook_endpoints WHERE partner_id = 'test'), 'none') || '|'
                    || (SELECT secret_hash || coalesce(previous_secret_hash, '') FROM partners WHERE id = 'test')
                """).param("payment", paymentId).param("key", key).param("event", event).query(String.class).single();
    }

}
