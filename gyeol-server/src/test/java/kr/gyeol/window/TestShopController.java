package kr.gyeol.window;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner shop for the browser tests, on the {@code localhost} origin while the gateway
 * is addressed as {@code 127.0.0.1}: its server calls auth.php, its page loads the SDK
 * and opens the window, and its result page shows what it received.
 */
@RestController
class TestShopController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @GetMapping(path = "/test-shop/order", produces = MediaType.TEXT_HTML_VALUE)
    String order(HttpServletRequest request, @RequestParam String style, @RequestParam String work,
            @RequestParam(defaultValue = "relative") String result, @RequestParam(defaultValue = "1.0.1") String sdk,
            @RequestParam(defaultValue = "card") String type, @RequestParam(defaultValue = "01") String cardVer,
            @RequestParam(defaultValue = "1000") long total, @RequestParam(required = false) String method,
            @RequestParam(required = false) String simple, @RequestParam(required = false) String payerId)
            throws Exception {
        String gateway = "http://127.0.0.1:" + request.getLocalPort();
        String shop = "http://localhost:" + request.getLocalPort();
        StringBuilder obj = new StringBuilder("var obj = {};\n");
        obj.append("obj.PCD_PAY_TYPE = '").append(js(type)).append("';\n");
        if (type.equals("card")) {
            obj.append("obj.PCD_CARD_VER = '").append(js(cardVer)).append("';\n");
        }
        if (method != null) {
            obj.append("obj.PCD_PAY_METHOD = '").append(js(method)).append("';\n");
        }
        if (simple != null) {
            obj.append("obj.PCD_SIMPLE_FLAG = 'Y';\n");
        }
        if (payerId != null) {
            obj.append("obj.PCD_PAYER_ID = '").append(js(payerId)).append("';\n");
        }
        obj.append("obj.PCD_PAY_WORK = '").append(work).append("';\n");
        obj.append("obj.PCD_PAY_GOODS = '테스트 상품'; obj.PCD_PAY_TOTAL = ")
            .append(total)
            .append("; obj.PCD_PAYER_NO = '7';\n");
        obj.append("obj.PCD_PAY_OID = 'browser-' + Date.now() + '-' + Math.floor(Math.random() * 1e6);\n");
        obj.append(switch (result) {
            case "absolute" -> "obj.PCD_RST_URL = '" + shop + "/test-shop/result';\n";
            case "callbackonly" ->
                "obj.callbackFunction = function (data) { document.getElementById('callback').textContent = JSON.stringify(data); };\n";
            case "callback" -> "obj.PCD_RST_URL = '/test-shop/result';\n"
                    + "obj.callbackFunction = function (data) { document.getElementById('callback').textContent = JSON.stringify(data); };\n";
            default -> "obj.PCD_RST_URL = '/test-shop/result';\n";
        });
        switch (style) {
            case "authkey" -> {
                Map<String, Object> auth = auth(gateway, "{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\"}");
                obj.append("obj.PCD_CST_ID = '").append(auth.get("cst_id")).append("';\n");
                obj.append("obj.PCD_CUST_KEY = '").append(auth.get("custKey")).append("';\n");
                obj.append("obj.PCD_AUTH_KEY = '").append(auth.get("AuthKey")).append("';\n");
                obj.append("obj.PCD_PAY_URL = '").append(auth.get("return_url")).append("';\n");
            }
            case "authkeyonly" -> {
                // Payple's 1.0.1 samples of 2021-2023: the AuthKey and the window's URL
                // only.
                Map<String, Object> auth = auth(gateway, "{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\"}");
                obj.append("obj.PCD_AUTH_KEY = '").append(auth.get("AuthKey")).append("';\n");
                obj.append("obj.PCD_PAY_URL = '").append(auth.get("return_url")).append("';\n");
            }
            case "dirpath" -> obj.append("obj.payple_dir_path = '/test-shop/';\n")
                .append("obj.payple_auth_file = 'payple_payAuth.php';\n");
            case "clientKey" -> obj.append("obj.clientKey = 'test_DF55F29DA654A8CBC0F0A9DD4B556486';\n");
            case "authfile" -> obj.append("obj.payple_auth_file = '/test-shop/auth';\n");
            // Payple's script: (payple_dir_path || '') + '/cPayPayple/' + (file ||
            // 'payple_payAuth.html') for a file that does not start with '/'.
            case "barefile" -> obj.append("obj.payple_auth_file = 'auth';\n");
            case "emptyfile" -> obj.append("obj.payple_dir_path = ''; obj.payple_auth_file = '';\n");
            case "authurl" -> obj.append("obj.PCD_CST_ID = 'test'; obj.PCD_CUST_KEY = 'abcd1234567890';\n")
                .append("obj.PCD_AUTH_URL = '")
                .append(gateway)
                .append("/php/auth.php';\n");
            default -> throw new IllegalArgumentException(style);
        }
        String script = switch (sdk) {
            case "v1" -> "/js/v1/payment.js";
            case "1.0.0" -> "/js/cpay.payple.1.0.0.js";
            default -> "/js/cpay.payple.1.0.1.js";
        };
        return """
                <!doctype html><html lang="ko"><head><meta charset="utf-8"><title>Test shop</title>
                <script src="%s%s"></script></head>
                <body><h1>Test shop</h1><button id="pay" type="button">결제하기</button><pre id="callback"></pre>
                <script>%s
                document.getElementById('pay').addEventListener('click', function () { PaypleCpayAuthCheck(obj); });
                </script></body></html>
                """.formatted(gateway, script, obj);
    }

    /**
     * An overseas shop page: its server gets a gpay token, its page loads the gpay
     * script.
     */
    @GetMapping(path = "/test-shop/gpay", produces = MediaType.TEXT_HTML_VALUE)
    String gpayOrder(HttpServletRequest request, @RequestParam(defaultValue = "N") String direct) throws Exception {
        String gateway = "http://127.0.0.1:" + request.getLocalPort();
        String shop = "http://localhost:" + request.getLocalPort();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/gpay/oauth/1.0/token"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofString("{\"service_id\":\"demo\",\"service_key\":\"abcd1234567890\",\"code\":\"as12345678\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> token = JSON.readValue(response.body(),
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
                });
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Overseas shop</title>
                <script src="%s/common/js/gpay-1.0.1.js"></script></head>
                <body><button id="pay" type="button">Pay</button>
                <script>
                document.getElementById('pay').addEventListener('click', function () {
                  paypleGpayPaymentRequest({ Authorization: '%s', service_id: 'demo',
                    service_oid: 'gpay-browser-' + Date.now(), comments: 'Browser T-shirt', totalAmount: '0.10',
                    currency: 'USD', firstName: 'Gildong', lastName: 'Hong', email: 'buyer@example.com',
                    resultUrl: '%s/test-shop/result', payCls: '%s', isDirect: '%s' });
                });
                </script></body></html>
                """.formatted(gateway, token.get("access_token"), shop, token.get("payCls"), js(direct));
    }

    /**
     * The partner's auth file: the 1.0.1 SDK posts the order here and gets auth.php's
     * answer.
     */
    @PostMapping(path = { "/test-shop/auth", "/test-shop/cPayPayple/payple_payAuth.php", "/cPayPayple/auth" },
            produces = MediaType.APPLICATION_JSON_VALUE)
    String authFile(HttpServletRequest request) throws Exception {
        return JSON.writeValueAsString(auth("http://127.0.0.1:" + request.getLocalPort(),
                "{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\",\"PCD_PAY_TYPE\":\"card\"}"));
    }

    @PostMapping(path = "/test-shop/result", produces = MediaType.TEXT_HTML_VALUE)
    String result(HttpServletRequest request) {
        StringBuilder page = new StringBuilder(
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>Result</title></head><body><dl>");
        Map<String, String> fields = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> fields.put(name, values[0]));
        fields.forEach((name, value) -> page.append("<dt>")
            .append(HtmlUtils.htmlEscape(name))
            .append("</dt><dd id=\"")
            .append(HtmlUtils.htmlEscape(name))
            .append("\">")
            .append(HtmlUtils.htmlEscape(value))
            .append("</dd>"));
        return page.append("</dl></body></html>").toString();
    }

    /** A query value inside a single-quoted script string. */
    private static String js(String value) {
        if (!value.matches("[A-Za-z0-9_=+/.-]*")) {
            throw new IllegalArgumentException("Not a test value: " + value);
        }
        return value;
    }

    /**
     * A 2018-style shop page kept as it was (test resources {@code test-shop/}): its own
     * 1.0.0-style script, its CpayForm, and its relay page.
     */
    @GetMapping(path = "/test-shop/vendored-1.0.0", produces = MediaType.TEXT_HTML_VALUE)
    String vendoredPage() throws IOException {
        return resource("test-shop/vendored-1.0.0.html");
    }

    /**
     * The same page as the oldest ones were written: without {@code PCD_CPAY_VER}, which
     * Payple documents as 1.0.0 when absent.
     */
    @GetMapping(path = "/test-shop/vendored-1.0.0-unversioned", produces = MediaType.TEXT_HTML_VALUE)
    String vendoredPageWithoutVersion() throws IOException {
        String page = resource("test-shop/vendored-1.0.0.html");
        String version = "  <input type=\"hidden\" name=\"PCD_CPAY_VER\" value=\"1.0.0\">\n";
        if (!page.contains(version)) {
            throw new IllegalStateException("The vendored page no longer names its version");
        }
        return page.replace(version, "");
    }

    @GetMapping(path = "/test-shop/vendored/cpay.payple.1.0.0.js", produces = "text/javascript")
    String vendoredScript() throws IOException {
        return resource("test-shop/vendored/cpay.payple.1.0.0.js");
    }

    @GetMapping(path = "/cPayPayple/payple_iframe.html", produces = MediaType.TEXT_HTML_VALUE)
    String relay() throws IOException {
        return resource("test-shop/cPayPayple/payple_iframe.html");
    }

    /**
     * The 1.0.0 page's auth file: the order form comes in, auth.php's answer goes back.
     */
    @PostMapping(path = "/cPayPayple/payple_payAuth.html", produces = MediaType.APPLICATION_JSON_VALUE)
    String vendoredAuthFile(HttpServletRequest request) throws Exception {
        return JSON.writeValueAsString(auth("http://127.0.0.1:" + request.getLocalPort(),
                "{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\"}"));
    }

    private static String resource(String path) throws IOException {
        try (var in = new org.springframework.core.io.ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> auth(String gateway, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/php/auth.php"))
            .header("Content-Type", "application/json")
            .header("Referer", "http://localhost/")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(response.body(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
        });
    }

}
