package kr.gyeol.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's side of the hosted windows over plain HTTP, the way a browser posts
 * their forms: what the client cannot do (the client is the partner's server), so that
 * the client's CERT approval and overseas billing-key calls have something to work on.
 */
public final class WindowForms {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final Pattern CARD_FORM = Pattern.compile("action=\"/window/([^/\"]+)/card\"");

    private static final Pattern GPAY_FORM = Pattern.compile("action=\"/gpay/window/([^\"]+)\"");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WindowForms() {
    }

    /**
     * Opens the domestic window for a CERT card payment with a new card and submits it;
     * the result fields the window posts to the shop.
     */
    public static Map<String, String> certCardPayment(String baseUrl, String orderId, long total, String cardNumber)
            throws IOException, InterruptedException {
        String auth = send(baseUrl + "/php/auth.php", "application/json",
                "{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\"}", "http://localhost:8080/order");
        Map<String, String> session = JSON.readValue(auth, new TypeReference<Map<String, String>>() {
        });
        Map<String, String> form = new LinkedHashMap<>();
        form.put("PCD_CST_ID", session.get("cst_id"));
        form.put("PCD_CUST_KEY", session.get("custKey"));
        form.put("PCD_AUTH_KEY", session.get("AuthKey"));
        form.put("PCD_PAY_TYPE", "card");
        form.put("PCD_PAY_WORK", "CERT");
        form.put("PCD_CARD_VER", "01");
        form.put("PCD_PAYER_NAME", "홍길동");
        form.put("PCD_PAY_GOODS", "E2E 구독");
        form.put("PCD_PAY_TOTAL", Long.toString(total));
        form.put("PCD_PAY_OID", orderId);
        form.put("PCD_RST_URL", "/order_result");
        String page = post(baseUrl + "/index.php?ACT_=PAYM", form, "http://localhost:8080/order");
        String window = find(CARD_FORM, page);
        return hidden(post(baseUrl + "/window/" + window + "/card", Map.of("cardNumber", cardNumber, "expiryMonth",
                "12", "expiryYear", "30", "birth", "900101", "pin", "12", "agree", "Y"), baseUrl + "/index.php"));
    }

    /**
     * Pays an overseas order in the gpay window with a new card, which issues its billing
     * key; the result fields posted to the shop.
     */
    public static Map<String, String> overseasFirstPayment(String baseUrl, String accessToken, String orderId,
            String cardNumber) throws IOException, InterruptedException {
        Map<String, String> order = new LinkedHashMap<>();
        order.put("Authorization", accessToken);
        order.put("service_id", "demo");
        order.put("service_oid", orderId);
        order.put("comments", "E2E plan");
        order.put("totalAmount", "2.00");
        order.put("currency", "USD");
        order.put("firstName", "Gildong");
        order.put("lastName", "Hong");
        order.put("email", "buyer@example.com");
        order.put("resultUrl", "http://localhost:9/gpay/result");
        order.put("payCls", "demo");
        String page = post(baseUrl + "/gpay/window", order, "http://localhost:9/order");
        return hidden(post(baseUrl + "/gpay/window/" + find(GPAY_FORM, page),
                Map.of("cardNumber", cardNumber, "expiryMonth", "12", "expiryYear", "30", "securityCode", "123"),
                null));
    }

    private static String post(String url, Map<String, String> form, String referer)
            throws IOException, InterruptedException {
        String body = form.entrySet()
            .stream()
            .map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(url, "application/x-www-form-urlencoded", body, referer);
    }

    private static String send(String url, String contentType, String body, String referer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (referer != null) {
            request.header("Referer", referer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
        }
        return response.body();
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + pattern + " in the page");
        }
        return matcher.group(1);
    }

    private static Map<String, String> hidden(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : Jsoup.parse(page).select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return fields;
    }

}
