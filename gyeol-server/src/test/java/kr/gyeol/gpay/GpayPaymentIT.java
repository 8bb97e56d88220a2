package kr.gyeol.gpay;

import static kr.gyeol.support.WindowPages.find;
import static kr.gyeol.support.WindowPages.post;
import static kr.gyeol.support.WindowPages.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Settlement;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.FailingUpdates;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Overseas payments over HTTP: the window's first payment (which issues the billing key),
 * billing-key payments, and the result lookup, with their codes.
 */
class GpayPaymentIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern PAY_FORM = Pattern.compile("action=\"/gpay/window/([^\"]+)\"");

    private static final String RESULT_URL = "http://localhost:9/gpay/result";

    private Map<String, Object> api(String path, Map<String, Object> body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
        });
    }

    private String token() throws Exception {
        return (String) api("/gpay/oauth/1.0/token",
                Map.of("service_id", "demo", "service_key", PaypleTestClient.SECRET, "code", "as12345678"), null)
            .get("access_token");
    }

    /**
     * Opens the window as the script does and pays with {@code card}; the fields posted
     * to the shop.
     */
    private Map<String, String> payInWindow(String card, String securityCode, String oid) throws Exception {
        Map<String, String> order = new LinkedHashMap<>();
        order.put("Authorization", token());
        order.put("service_id", "demo");
        order.put("service_oid", oid);
        order.put("comments", "Gyeol T-shirt");
        order.put("totalAmount", "0.10");
        order.put("currency", "USD");
        order.put("firstName", "Gildong");
        order.put("lastName", "Hong");
        order.put("email", "buyer@example.com");
        order.put("resultUrl", RESULT_URL);
        order.put("payCls", "demo");
        String page = post(this.payple.baseUrl() + "/gpay/window", order, "http://localhost:9/order");
        assertThat(page).contains("Gyeol T-shirt").contains("0.10");
        Map<String, String> fields = result(post(this.payple.baseUrl() + "/gpay/window/" + find(PAY_FORM, page),
                Map.of("cardNumber", card, "expiryMonth", "12", "expiryYear", "30", "securityCode", securityCode),
                null));
        return fields;
    }

    @Test
    void theWindowsFirstPaymentIssuesABillingKeyThatLaterPaymentsCharge() throws Exception {
        String oid = PaypleTestClient.uniqueOrderId("gpay");
        Map<String, String> first = payInWindow(PaypleTestClient.CARD, "123", oid);
        assertThat(first).containsEntry("type", "PAYMENT")
            .containsEntry("result", "A0000")
            .containsEntry("message", "처리 성공")
            .containsEntry("service_oid", oid)
            .containsEntry("comments", "Gyeol T-shirt")
            .containsEntry("pay_type", "card")
            .containsEntry("card_number", "4242-****-****-4242")
            .containsEntry("totalAmount", "0.10")
            .containsEntry("currency", "USD")
            .containsEntry("firstName", "Gildong")
            .containsEntry("email", "buyer@example.com")
            .containsEntry("(action)", RESULT_URL);
        assertThat(first.get("api_id")).matches("[0-9]{22}");
        assertThat(first.get("api_date")).matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
        assertThat(first.get("submitTimeUtc")).matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
        String billingKey = first.get("billing_key");
        assertThat(billingKey).isNotBlank();

        String token = token();
        String second = PaypleTestClient.uniqueOrderId("gpay");
        Map<String, Object> paid = api("/gpay/billingKey",
                Map.of("service_id", "demo", "service_oid", second, "comments", "Monthly plan", "billing_key",
                        billingKey, "securityCode", "123", "totalAmount", "12.50", "currency", "USD", "resultUrl",
                        RESULT_URL, "serviceDefine", "plan-7"),
                token);
        assertThat(paid).containsEntry("type", "PAYMENT")
            .containsEntry("result", "A0000")
            .containsEntry("resultUrl", RESULT_URL)
            .containsEntry("serviceDefine", "plan-7");
        @SuppressWarnings("unchecked")
        Map<String, String> info = (Map<String, String>) paid.get("info");
        assertThat(info).containsEntry("service_oid", second)
            .containsEntry("billing_key", billingKey)
            .containsEntry("totalAmount", "12.50")
            .containsEntry("currency", "USD")
            .containsEntry("card_number", "4242-****-****-4242")
            .containsEntry("firstName", "Gildong");

        // The lookup answers the payment as it completed, by pay_id or by service_oid.
        assertThat(api("/gpay/paymentResult", Map.of("service_id", "demo", "pay_id", paid.get("api_id")), token))
            .isEqualTo(paid);
        assertThat(api("/gpay/paymentResult", Map.of("service_id", "demo", "service_oid", second), token))
            .isEqualTo(paid);
        assertThat(api("/gpay/paymentResult", Map.of("service_id", "demo", "service_oid", "none"), token))
            .containsEntry("result", "A0204");

        // KRW has no minor unit.
        Map<String, Object> won = api("/gpay/billingKey", Map.of("service_id", "demo", "comments", "Won", "billing_key",
                billingKey, "securityCode", "123", "totalAmount", "1000", "currency", "KRW"), token);
        assertThat(won).containsEntry("result", "A0000");
        assertThat(
                api("/gpay/billingKey",
                        Map.of("service_id", "demo", "comments", "Won", "billing_key", billingKey, "securityCode",
                                "123", "totalAmount", "10.5", "currency", "KRW"),
                        token))
            .containsEntry("result", "A0201");
    }

    @Test
    void aDomesticCardKeyCanBeChargedOverseasWithoutBorrowingADomesticPayer() throws Exception {
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        assertThat(this.payple.chargeCard(key, PaypleTestClient.uniqueOrderId("domestic"), 1000))
            .containsEntry("PCD_PAY_RST", "success");
        Map<String, Object> answer = api("/gpay/billingKey",
                Map.of("service_id", "demo", "service_oid", PaypleTestClient.uniqueOrderId("overseas"), "comments",
                        "Plan", "billing_key", key, "securityCode", "123", "totalAmount", "1.00", "currency", "USD"),
                token());
        assertThat(answer).containsEntry("result", "A0000");
        assertThat(info(answer)).containsEntry("firstName", "").containsEntry("billing_key", key);
    }

    private HttpResponse<String> withKey(String path, Map<String, Object> body, String token, String key)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anIdempotencyKeyMakesARetriedOverseasChargeAndCancelAnswerTheirFirstResult() throws Exception {
        String billingKey = payInWindow(PaypleTestClient.CARD, "123", PaypleTestClient.uniqueOrderId("gpay"))
            .get("billing_key");
        String token = token();
        // No service_oid: without the key a retry would be a second charge under a new
        // one.
        Map<String, Object> charge = new LinkedHashMap<>(Map.of("service_id", "demo", "comments", "Retry",
                "billing_key", billingKey, "securityCode", "123", "totalAmount", "2.00", "currency", "USD"));
        String key = "gpay-" + java.util.UUID.randomUUID();
        HttpResponse<String> first = withKey("/gpay/billingKey", charge, token, key);
        HttpResponse<String> retry = withKey("/gpay/billingKey", charge, token, key);
        assertThat(first.body()).contains("\"result\":\"A0000\"");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(this.jdbc
            .sql("SELECT count(*) FROM payments WHERE billing_key_id = :key AND api = 'GPAY'" + " AND amount = 200")
            .param("key", billingKey)
            .query(Long.class)
            .single()).isEqualTo(1);

        Map<String, Object> other = new LinkedHashMap<>(charge);
        other.put("totalAmount", "3.00");
        assertThat(withKey("/gpay/billingKey", other, token, key).body()).contains("\"result\":\"A0201\"")
            .contains("another request");
    }

    @Test
    void anOrderIdTheParserCannotTakeIsRefusedAndChargesNothingHoweverOftenItIsSent() throws Exception {
        String billingKey = this.payple.registerCard(PaypleTestClient.CARD);
        String token = token();
        for (Object orderId : java.util.List.<Object>of("order\u0000nul", "x".repeat(4_097),
                java.util.List.of("a", "b"), Map.of("oid", "nested"))) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Map<String, Object> body = new LinkedHashMap<>(Map.of("service_id", "demo", "comments", "Plan",
                        "billing_key", billingKey, "securityCode", "123", "totalAmount", "1.00", "currency", "USD"));
                body.put("service_oid", orderId);
                assertThat(api("/gpay/billingKey", body, token)).containsEntry("result", "A0201");
            }
        }
        assertThat(this.jdbc.sql("SELECT count(*) FROM payments WHERE billing_key_id = :key")
            .param("key", billingKey)
            .query(Long.class)
            .single()).as("nothing charged, not even once").isZero();
    }

    @Test
    void aMalformedSecurityCodeStoresNoPaymentAndLeavesTheOrderIdFree() throws Exception {
        String billingKey = this.payple.registerCard(PaypleTestClient.CARD);
        String token = token();
        String orderId = PaypleTestClient.uniqueOrderId("cvc");
        for (String securityCode : java.util.List.of("12a", "12", "12345", "１２３")) {
            assertThat(api("/gpay/billingKey",
                    Map.of("service_id", "demo", "service_oid", orderId, "comments", "Plan", "billing_key", billingKey,
                            "securityCode", securityCode, "totalAmount", "1.00", "currency", "USD"),
                    token))
                .containsEntry("result", "A0201");
        }
        assertThat(this.jdbc.sql("SELECT count(*) FROM payments WHERE billing_key_id = :key")
            .param("key", billingKey)
            .query(Long.class)
            .single()).isZero();
        assertThat(api("/gpay/billingKey",
                Map.of("service_id", "demo", "service_oid", orderId, "comments", "Plan", "billing_key", billingKey,
                        "securityCode", "123", "totalAmount", "1.00", "currency", "USD"),
                token))
            .as("the corrected request takes the order id")
            .containsEntry("result", "A0000");
    }

    @Test
    void billingKeyPaymentsAreRefusedWithTheirCodes() throws Exception {
        String billingKey = payInWindow(PaypleTestClient.CARD, "123", PaypleTestClient.uniqueOrderId("gpay"))
            .get("billing_key");
        String token = token();
        String oid = PaypleTestClient.uniqueOrderId("gpay");
        Map<String, Object> base = new LinkedHashMap<>(Map.of("service_id", "demo", "service_oid", oid, "comments",
                "Plan", "billing_key", billingKey, "securityCode", "123", "totalAmount", "1.00", "currency", "USD"));
        assertThat(api("/gpay/billingKey", base, token)).containsEntry("result", "A0000");
        assertThat(api("/gpay/billingKey", base, token)).containsEntry("result", "A0202");
        assertThat(api("/gpay/billingKey", base, null)).containsEntry("result", "T0330");

        Map<String, Object> unknownKey = new LinkedHashMap<>(base);
        unknownKey.put("service_oid", PaypleTestClient.uniqueOrderId("gpay"));
        unknownKey.put("billing_key", "no-such-key");
        assertThat(api("/gpay/billingKey", unknownKey, token)).containsEntry("result", "A0203");
        for (String[] broken : new String[][] { { "totalAmount", "1.001" }, { "totalAmount", "-1" },
                { "totalAmount", "0" }, { "currency", "EUR" }, { "comments", "" } }) {
            Map<String, Object> body = new LinkedHashMap<>(base);
            body.put("service_oid", PaypleTestClient.uniqueOrderId("gpay"));
            body.put(broken[0], broken[1]);
            assertThat(api("/gpay/billingKey", body, token)).as(broken[0] + "=" + broken[1])
                .containsEntry("result", "A0201");
        }
        Map<String, Object> wrongCode = new LinkedHashMap<>(base);
        wrongCode.put("service_oid", PaypleTestClient.uniqueOrderId("gpay"));
        wrongCode.put("securityCode", "12");
        // A code that cannot be one is refused before anything is stored (issue 25); the
        // card company's refusal of a well-formed code is A0301 (below).
        Map<String, Object> refused = api("/gpay/billingKey", wrongCode, token);
        assertThat(refused).containsEntry("result", "A0201");
        assertThat((String) refused.get("message")).contains("security code");
    }

    @Test
    void theWindowPostsDeclinesAndRefusalsToTheShop() throws Exception {
        assertThat(payInWindow("4000000000000002", "123", PaypleTestClient.uniqueOrderId("gpay")))
            .containsEntry("result", "A0301")
            .containsEntry("(action)", RESULT_URL);
        assertThat(payInWindow("4000000000000127", "123", PaypleTestClient.uniqueOrderId("gpay")))
            .containsEntry("result", "A0301");
        assertThat(payInWindow("4242424242424241", "123", PaypleTestClient.uniqueOrderId("gpay")))
            .containsEntry("result", "A0302");
        Map<String, String> noToken = new LinkedHashMap<>();
        noToken.put("service_id", "demo");
        noToken.put("comments", "x");
        noToken.put("totalAmount", "1.00");
        noToken.put("currency", "USD");
        noToken.put("resultUrl", RESULT_URL);
        assertThat(result(post(this.payple.baseUrl() + "/gpay/window", noToken, null))).containsEntry("result", "T0330")
            .containsEntry("(action)", RESULT_URL);
    }

    @Test
    void cancelsArePartialInThePaymentsCurrencyAndNeverExceedIt() throws Exception {
        String oid = PaypleTestClient.uniqueOrderId("gpay");
        Map<String, String> paid = payInWindow(PaypleTestClient.CARD, "123", oid);
        String token = token();
        Map<String, Object> cancel = new LinkedHashMap<>(
                Map.of("service_id", "demo", "comments", "refund", "service_oid", oid, "pay_id", paid.get("api_id"),
                        "totalAmount", "0.03", "currency", "USD", "resultUrl", RESULT_URL));
        Map<String, Object> partial = api("/gpay/cancel", cancel, token);
        assertThat(partial).containsEntry("type", "CANCEL")
            .containsEntry("result", "A0000")
            .containsEntry("resultUrl", RESULT_URL);
        assertThat((String) partial.get("api_id")).matches("[0-9]{22}").isNotEqualTo(paid.get("api_id"));
        @SuppressWarnings("unchecked")
        Map<String, String> info = (Map<String, String>) partial.get("info");
        assertThat(info).containsEntry("totalAmount", "0.03")
            .containsEntry("currency", "USD")
            .containsEntry("service_oid", oid);

        Map<String, Object> otherCurrency = new LinkedHashMap<>(cancel);
        otherCurrency.put("currency", "KRW");
        otherCurrency.put("totalAmount", "1");
        assertThat(api("/gpay/cancel", otherCurrency, token)).containsEntry("result", "A0205");
        Map<String, Object> tooMuch = new LinkedHashMap<>(cancel);
        tooMuch.put("totalAmount", "0.08");
        assertThat(api("/gpay/cancel", tooMuch, token)).containsEntry("result", "A0206");
        Map<String, Object> unknown = new LinkedHashMap<>(cancel);
        unknown.put("pay_id", "0000000000000000000000");
        assertThat(api("/gpay/cancel", unknown, token)).containsEntry("result", "A0204");
        Map<String, Object> byOidOnly = new LinkedHashMap<>(cancel);
        byOidOnly.remove("pay_id");
        byOidOnly.put("totalAmount", "0.07");
        assertThat(api("/gpay/cancel", byOidOnly, token)).containsEntry("result", "A0000");
        assertThat(api("/gpay/cancel", cancel, token)).containsEntry("result", "A0206");
        assertThat(api("/gpay/cancel", cancel, null)).containsEntry("result", "T0330");
    }

    @Test
    void parallelPartialCancelsNeverExceedThePayment() throws Exception {
        String token = token();
        String billingKey = payInWindow(PaypleTestClient.CARD, "123", PaypleTestClient.uniqueOrderId("gpay"))
            .get("billing_key");
        for (int round = 0; round < 3; round++) {
            String oid = PaypleTestClient.uniqueOrderId("gpay");
            assertThat(api("/gpay/billingKey",
                    Map.of("service_id", "demo", "service_oid", oid, "comments", "Plan", "billing_key", billingKey,
                            "securityCode", "123", "totalAmount", "1.00", "currency", "USD"),
                    token))
                .containsEntry("result", "A0000");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Map<String, Object>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api("/gpay/cancel",
                            Map.of("service_id", "demo", "service_oid", oid, "totalAmount", "0.30", "currency", "USD"),
                            token);
                }));
            }
            go.countDown();
            int approved = 0;
            for (java.util.concurrent.Future<Map<String, Object>> answer : answers) {
                Map<String, Object> result = answer.get();
                if ("A0000".equals(result.get("result"))) {
                    approved++;
                }
                else {
                    assertThat(result).containsEntry("result", "A0206");
                }
            }
            pool.shutdown();
            assertThat(approved).isEqualTo(3);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    kr.gyeol.webhook.WebhookEndpoints webhooks;

    @org.springframework.beans.factory.annotation.Autowired
    kr.gyeol.webhook.WebhookDispatcher dispatcher;

    @Test
    void paymentsAndCancelsAreReportedByWebhookWithTheirNestedInfo() throws Exception {
        try (kr.gyeol.support.WebhookReceiver receiver = new kr.gyeol.support.WebhookReceiver(0)) {
            this.webhooks.configure(PartnerId.of(PaypleTestClient.PARTNER), receiver.url("/gpay-hook"), null,
                    kr.gyeol.webhook.WebhookFormat.JSON, null);
            try {
                String oid = PaypleTestClient.uniqueOrderId("gpayhook");
                Map<String, String> paid = payInWindow(PaypleTestClient.CARD, "123", oid);
                String token = token();
                assertThat(api("/gpay/cancel", Map.of("service_id", "demo", "pay_id", paid.get("api_id"), "totalAmount",
                        "0.04", "currency", "USD"), token))
                    .containsEntry("result", "A0000");
                this.dispatcher.deliverDue();
                java.util.List<Map<String, Object>> bodies = receiver.containing(oid)
                    .stream()
                    .map((request) -> JSON.readValue(request.body(), new TypeReference<Map<String, Object>>() {
                    }))
                    .filter((body) -> body.containsKey("type"))
                    .toList();
                assertThat(bodies).extracting((body) -> body.get("type"))
                    .containsExactlyInAnyOrder("PAYMENT", "CANCEL");
                Map<String, Object> payment = bodies.stream()
                    .filter((body) -> "PAYMENT".equals(body.get("type")))
                    .findFirst()
                    .orElseThrow();
                assertThat(payment).containsEntry("result", "A0000").containsEntry("api_id", paid.get("api_id"));
                assertThat(info(payment)).containsEntry("service_oid", oid)
                    .containsEntry("totalAmount", "0.10")
                    .containsEntry("billing_key", paid.get("billing_key"));
                Map<String, Object> cancel = bodies.stream()
                    .filter((body) -> "CANCEL".equals(body.get("type")))
                    .findFirst()
                    .orElseThrow();
                assertThat(info(cancel)).containsEntry("totalAmount", "0.04").containsEntry("currency", "USD");
            }
            finally {
                this.webhooks.configure(PartnerId.of(PaypleTestClient.PARTNER), null, null,
                        kr.gyeol.webhook.WebhookFormat.JSON, null);
            }
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    Settlement gpay;

    @Test
    void aTimedOutPaymentIsUnknownUntilTheReconcilerAsksTheNetwork() throws Exception {
        String oid = PaypleTestClient.uniqueOrderId("gpaytimeout");
        Map<String, String> answer = payInWindow("4000000000000119", "123", oid);
        assertThat(answer).containsEntry("result", "A0303");
        String token = token();
        assertThat(api("/gpay/paymentResult", Map.of("service_id", "demo", "service_oid", oid), token))
            .containsEntry("result", "A0303");
        this.gpay.settleDue();
        assertThat(api("/gpay/paymentResult", Map.of("service_id", "demo", "service_oid", oid), token))
            .as("not before the reconciler's delay")
            .containsEntry("result", "A0303");
        this.clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(this.gpay.settleDue()).isGreaterThanOrEqualTo(1);
        assertThat(api("/gpay/paymentResult", Map.of("service_id", "demo", "service_oid", oid), token))
            .containsEntry("result", "A0000");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aTimedOutCancelCountsAgainstTheBalanceUntilTheReconcilerSettlesIt() throws Exception {
        String billingKey = payInWindow(PaypleTestClient.CARD, "123", PaypleTestClient.uniqueOrderId("gpay"))
            .get("billing_key");
        String token = token();
        String oid = PaypleTestClient.uniqueOrderId("gpaycancel");
        assertThat(api("/gpay/billingKey",
                Map.of("service_id", "demo", "service_oid", oid, "comments", "Plan", "billing_key", billingKey,
                        "securityCode", "123", "totalAmount", "20.00", "currency", "USD"),
                token))
            .containsEntry("result", "A0000");
        // The simulator's cancel timeout: 1,119 minor units.
        Map<String, Object> timedOut = api("/gpay/cancel",
                Map.of("service_id", "demo", "service_oid", oid, "totalAmount", "11.19", "currency", "USD"), token);
        assertThat(timedOut).containsEntry("result", "A0303");
        assertThat(api("/gpay/cancel",
                Map.of("service_id", "demo", "service_oid", oid, "totalAmount", "8.82", "currency", "USD"), token))
            .containsEntry("result", "A0206");
        String cancelId = (String) timedOut.get("api_id");
        this.clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(this.gpay.settleDue()).isGreaterThanOrEqualTo(1);
        assertThat(this.jdbc.sql("SELECT status FROM refunds WHERE id = :id")
            .param("id", cancelId)
            .query(String.class)
            .single()).isEqualTo("APPROVED");
        assertThat(api("/gpay/cancel",
                Map.of("service_id", "demo", "service_oid", oid, "totalAmount", "8.81", "currency", "USD"), token))
            .containsEntry("result", "A0000");
    }

    @Test
    void aPaymentOrCancelWhoseAnswerCannotBeRecordedIsUnknownUntilTheReconcilerSettlesIt() throws Exception {
        String billingKey = payInWindow(PaypleTestClient.CARD, "123", PaypleTestClient.uniqueOrderId("gpay"))
            .get("billing_key");
        String token = token();
        String oid = PaypleTestClient.uniqueOrderId("gpayunrecorded");
        Map<String, Object> charge = Map.of("service_id", "demo", "service_oid", oid, "comments", "Plan", "billing_key",
                billingKey, "securityCode", "123", "totalAmount", "20.00", "currency", "USD");
        try (FailingUpdates failing = FailingUpdates.on(this.jdbc, "payments")) {
            assertThat(api("/gpay/billingKey", charge, token)).containsEntry("result", "A0303");
        }
        assertThat(api("/gpay/billingKey", charge, token)).as("a retry of the same order")
            .containsEntry("result", "A0202");
        this.clock.advance(java.time.Duration.ofMinutes(6));
        this.gpay.settleDue();
        this.clock.advance(java.time.Duration.ofMinutes(1));
        this.gpay.settleDue();
        assertThat(api("/gpay/paymentResult", Map.of("service_id", "demo", "service_oid", oid), token))
            .containsEntry("result", "A0000");

        Map<String, Object> cancel = Map.of("service_id", "demo", "service_oid", oid, "totalAmount", "20.00",
                "currency", "USD");
        try (FailingUpdates failing = FailingUpdates.on(this.jdbc, "refunds")) {
            assertThat(api("/gpay/cancel", cancel, token)).containsEntry("result", "A0303");
        }
        assertThat(api("/gpay/cancel", cancel, token)).as("the unknown cancel still counts")
            .containsEntry("result", "A0206");
        this.clock.advance(java.time.Duration.ofMinutes(6));
        this.gpay.settleDue();
        this.clock.advance(java.time.Duration.ofMinutes(1));
        this.gpay.settleDue();
        assertThat(this.jdbc
            .sql("SELECT count(*) FROM refunds c JOIN payments p ON p.id = c.payment_id"
                    + " WHERE p.api = 'GPAY' AND p.order_id = :oid AND c.status = 'APPROVED'")
            .param("oid", oid)
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> info(Map<String, Object> body) {
        return (Map<String, String>) body.get("info");
    }

}
