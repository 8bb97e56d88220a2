package kr.gyeol.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running gateway over real HTTP the way partner code does: auth.php first,
 * then the returned URL. Asserts that every answer is HTTP 200 with a JSON object of
 * strings.
 */
public final class PaypleTestClient {

    public static final String PARTNER = "test";

    public static final String SECRET = "abcd1234567890";

    public static final String REFUND_KEY = "a41ce010ede9fcbfb3be86b24858806596a9db68b79d138b147c3e563e1829a0";

    public static final String REFERER = "http://localhost:8080";

    public static final String CARD = "4242424242424242";

    /** HTTP Basic of the test partner, for Gyeol's JSON APIs. */
    public static final String BASIC = basic(PARTNER, SECRET);

    /** An {@code Authorization: Basic} value. */
    public static String basic(String partner, String secret) {
        return "Basic " + java.util.Base64.getEncoder()
            .encodeToString((partner + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public static final String BIRTH = "900101";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    private final String partner;

    private final String secret;

    public PaypleTestClient(String baseUrl) {
        this(baseUrl, PARTNER, SECRET);
    }

    /** A client of another configured partner. */
    public PaypleTestClient(String baseUrl, String partner, String secret) {
        this.baseUrl = baseUrl;
        this.partner = partner;
        this.secret = secret;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** auth.php with the test partner and the given flags. */
    public Map<String, String> auth(Map<String, ?> flags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cst_id", partner);
        body.put("custKey", secret);
        body.putAll(flags);
        return post(baseUrl + "/php/auth.php", body);
    }

    /**
     * Authenticates for the given flags and posts {@code body} with the session's
     * envelope.
     */
    public Map<String, String> call(Map<String, ?> flags, Map<String, ?> body) {
        Map<String, String> session = auth(flags);
        if (!"success".equals(session.get("result"))) {
            throw new AssertionError("auth.php failed: " + session);
        }
        return post(session.get("return_url"), withEnvelope(session, body));
    }

    public static Map<String, Object> withEnvelope(Map<String, String> session, Map<String, ?> body) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("PCD_CST_ID", session.get("cst_id"));
        request.put("PCD_CUST_KEY", session.get("custKey"));
        request.put("PCD_AUTH_KEY", session.get("AuthKey"));
        request.putAll(body);
        return request;
    }

    public Map<String, String> post(String url, Map<String, ?> body) {
        return send(url, "application/json", JSON.writeValueAsString(body), REFERER);
    }

    /** Posts a raw body with a content type of the caller's choosing (null for none). */
    public Map<String, String> send(String url, String contentType, String body, String referer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (referer != null) {
            request.header("Referer", referer);
        }
        return exchange(request.build());
    }

    /**
     * Posts a JSON body under a request id of the caller's ({@code X-Request-Id}), for
     * {@link CommitCounter}.
     */
    public Map<String, String> post(String url, Map<String, ?> body, String requestId) {
        return exchange(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Referer", REFERER)
            .header("X-Request-Id", requestId)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
            .build());
    }

    /** auth.php with the test partner and the given flags, under a request id. */
    public Map<String, String> auth(Map<String, ?> flags, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cst_id", partner);
        body.put("custKey", secret);
        body.putAll(flags);
        return post(baseUrl + "/php/auth.php", body, requestId);
    }

    public Map<String, String> get(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).header("Referer", REFERER).GET().build());
    }

    public Map<String, String> exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode() + " from " + request.uri());
            }
            Map<String, Object> parsed = JSON.readValue(response.body(), new TypeReference<>() {
            });
            Map<String, String> strings = new LinkedHashMap<>();
            parsed.forEach((key, value) -> {
                if (!(value instanceof String text)) {
                    throw new AssertionError("Non-string value for " + key + " in " + response.body());
                }
                strings.put(key, text);
            });
            return strings;
        }
        catch (IOException e) {
            throw new AssertionError("Request to " + request.uri() + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Registers a card billing key and returns its id. */
    public String registerCard(String cardNumber) {
        Map<String, String> answer = call(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_WORK", "AUTHREG"), card(cardNumber));
        if (!"success".equals(answer.get("PCD_PAY_RST"))) {
            throw new AssertionError("Card registration failed: " + answer.get("PCD_PAY_CODE"));
        }
        return answer.get("PCD_PAYER_ID");
    }

    /** Revokes a billing key through PUSERDEL. */
    public void revoke(String billingKey) {
        Map<String, String> answer = call(Map.of("PCD_PAY_WORK", "PUSERDEL"), Map.of("PCD_PAYER_ID", billingKey));
        if (!"success".equals(answer.get("PCD_PAY_RST"))) {
            throw new AssertionError("Revocation failed: " + answer.get("PCD_PAY_CODE"));
        }
    }

    public static Map<String, Object> card(String cardNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", "card");
        body.put("PCD_PAY_WORK", "AUTHREG");
        body.put("PCD_PAYER_NO", "1234");
        body.put("PCD_PAYER_NAME", "홍길동");
        body.put("PCD_PAYER_HP", "01012345678");
        body.put("PCD_PAYER_EMAIL", "dev@example.com");
        body.put("PCD_PAYER_BIRTH", BIRTH);
        body.put("PCD_PAY_CARDNUM", cardNumber);
        body.put("PCD_PAY_CARDEXYEAR", "30");
        body.put("PCD_PAY_CARDEXMONTH", "12");
        body.put("PCD_PAY_CARDPW", "12");
        return body;
    }

    /** Charges a card billing key through SimplePayCardAct. */
    public Map<String, String> chargeCard(String billingKey, String orderId, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", "card");
        body.put("PCD_PAYER_ID", billingKey);
        body.put("PCD_PAY_GOODS", "정기구독");
        body.put("PCD_PAY_TOTAL", String.valueOf(amount));
        body.put("PCD_SIMPLE_FLAG", "Y");
        if (orderId != null) {
            body.put("PCD_PAY_OID", orderId);
        }
        return call(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"), body);
    }

    /** Refunds through cPayCAct. */
    public Map<String, String> refund(String orderId, String payDate, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_REFUND_KEY", REFUND_KEY);
        body.put("PCD_PAYCANCEL_FLAG", "Y");
        body.put("PCD_PAY_OID", orderId);
        body.put("PCD_PAY_DATE", payDate);
        body.put("PCD_REFUND_TOTAL", String.valueOf(amount));
        return call(Map.of("PCD_PAYCANCEL_FLAG", "Y"), body);
    }

    public static Map<String, Object> account(String number) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", "transfer");
        body.put("PCD_PAY_WORK", "AUTHREG");
        body.put("PCD_PAYER_NO", "77");
        body.put("PCD_PAYER_NAME", "김철수");
        body.put("PCD_PAY_BANKACCTYPE", "personal");
        body.put("PCD_PAYER_BIRTH", "851231");
        body.put("PCD_PAY_BANK", "011");
        body.put("PCD_PAY_BANKNUM", number);
        return body;
    }

    /** Registers an account in both steps and returns its billing key. */
    public String registerAccount(String number) {
        Map<String, String> step1 = call(Map.of("PCD_PAY_TYPE", "transfer", "PCD_PAY_WORK", "AUTHREG"),
                account(number));
        if (!"success".equals(step1.get("PCD_PAY_RST"))) {
            throw new AssertionError("Account registration failed: " + step1.get("PCD_PAY_CODE"));
        }
        Map<String, Object> step2 = new LinkedHashMap<>();
        step2.put("PCD_CST_ID", step1.get("PCD_CST_ID"));
        step2.put("PCD_CUST_KEY", step1.get("PCD_CUST_KEY"));
        step2.put("PCD_AUTH_KEY", step1.get("PCD_AUTH_KEY"));
        step2.put("PCD_PAY_WORK", "AUTHREG");
        step2.put("PCD_PAY_TYPE", "transfer");
        step2.put("PCD_AUTH_NUM", step1.get("PCD_AUTH_NUM"));
        step2.put("PCD_AUTH_REQNUM", step1.get("PCD_AUTH_REQNUM"));
        step2.put("PCD_AUTH_CODE", step1.get("PCD_AUTH_REQNUM"));
        Map<String, String> answer = post(step1.get("return_url"), step2);
        if (!"CDAU0000".equals(answer.get("PCD_PAY_CODE"))) {
            throw new AssertionError("Account confirmation failed: " + answer.get("PCD_PAY_CODE"));
        }
        return answer.get("PCD_PAYER_ID");
    }

    public static String uniqueOrderId(String prefix) {
        return prefix + System.nanoTime();
    }

}
