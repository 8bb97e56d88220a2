package kr.gyeol.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The demo shop. Its "server side" is this controller talking to the gateway over HTTP
 * with the public test partner's credentials, exactly as a partner's server talks to
 * Payple; it keeps no state of its own, every next step carries what it needs in its
 * form.
 */
@Controller
class DemoController {

    private static final String PARTNER = "test";

    private static final String SECRET = "abcd1234567890";

    private static final String REFUND_KEY = "a41ce010ede9fcbfb3be86b24858806596a9db68b79d138b147c3e563e1829a0";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonMapper json;

    private final boolean enabled;

    DemoController(JsonMapper json, @Value("${gyeol.demo.enabled:true}") boolean enabled) {
        this.json = json;
        this.enabled = enabled;
    }

    @GetMapping("/demo")
    ModelAndView index() {
        requireEnabled();
        return new ModelAndView("demo/index", Map.of());
    }

    /**
     * The shop's auth file: the SDK posts the order here, the shop's server asks
     * auth.php.
     */
    @PostMapping(path = "/demo/auth", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String auth(HttpServletRequest request) throws IOException, InterruptedException {
        requireEnabled();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cst_id", PARTNER);
        body.put("custKey", SECRET);
        body.put("PCD_PAY_TYPE", request.getParameter("PCD_PAY_TYPE"));
        return this.json.writeValueAsString(post(gateway(request) + "/php/auth.php", body));
    }

    /** Where the window's result arrives (PCD_RST_URL). */
    @PostMapping("/demo/result")
    ModelAndView result(HttpServletRequest request) {
        requireEnabled();
        Map<String, String> fields = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> fields.put(name, values[0]));
        return page("결제창 결과", fields, fields);
    }

    /**
     * One REST operation of the partner's server, chosen by the button that was pressed.
     */
    @PostMapping("/demo/action/{action}")
    ModelAndView action(@PathVariable String action, HttpServletRequest request)
            throws IOException, InterruptedException {
        requireEnabled();
        String gateway = gateway(request);
        String billingKey = request.getParameter("PCD_PAYER_ID");
        String payType = request.getParameter("PCD_PAY_TYPE");
        String orderId = request.getParameter("PCD_PAY_OID");
        // A shop keeps the payment's date from its result (PCD_PAY_TIME), as refunds and
        // lookups need it.
        String payTime = request.getParameter("PCD_PAY_TIME");
        String today = payTime != null && payTime.length() >= 8 ? payTime.substring(0, 8)
                : LocalDate.now(ZoneId.of("Asia/Seoul")).toString().replace("-", "");
        Map<String, Object> answer = switch (action) {
            case "charge" -> call(gateway, Map.of("PCD_PAY_TYPE", payType, "PCD_SIMPLE_FLAG", "Y"),
                    Map.of("PCD_PAY_TYPE", payType, "PCD_PAYER_ID", billingKey, "PCD_PAY_GOODS", "데모 정기결제",
                            "PCD_PAY_TOTAL", "10000", "PCD_PAY_OID", "demo-rest-" + System.currentTimeMillis()));
            case "confirm" -> post(request.getParameter("PCD_PAY_COFURL"), Map.of("PCD_CST_ID", PARTNER, "PCD_CUST_KEY",
                    SECRET, "PCD_AUTH_KEY", request.getParameter("PCD_AUTH_KEY"), "PCD_PAY_REQKEY",
                    request.getParameter("PCD_PAY_REQKEY"), "PCD_PAYER_ID", billingKey, "PCD_PAY_TYPE", payType));
            case "refund" -> call(gateway, Map.of("PCD_PAYCANCEL_FLAG", "Y"),
                    Map.of("PCD_REFUND_KEY", REFUND_KEY, "PCD_PAYCANCEL_FLAG", "Y", "PCD_PAY_OID", orderId,
                            "PCD_PAY_DATE", today, "PCD_REFUND_TOTAL", "3000"));
            case "lookup" -> call(gateway, Map.of("PCD_PAYCHK_FLAG", "Y"), Map.of("PCD_PAYCHK_FLAG", "Y",
                    "PCD_PAY_TYPE", payType, "PCD_PAY_OID", orderId, "PCD_PAY_DATE", today));
            case "info" -> call(gateway, Map.of("PCD_PAY_WORK", "PUSERINFO"), Map.of("PCD_PAYER_ID", billingKey));
            case "revoke" -> call(gateway, Map.of("PCD_PAY_WORK", "PUSERDEL"), Map.of("PCD_PAYER_ID", billingKey));
            default -> throw new IllegalArgumentException("No demo action " + action);
        };
        Map<String, String> fields = new TreeMap<>();
        answer.forEach((name, value) -> fields.put(name, String.valueOf(value)));
        // The next steps keep what this answer does not repeat.
        Map<String, String> carried = new HashMap<>(fields);
        for (String name : List.of("PCD_PAYER_ID", "PCD_PAY_TYPE", "PCD_PAY_OID", "PCD_PAY_TIME")) {
            if (!carried.containsKey(name) || carried.get(name).isEmpty()) {
                String value = request.getParameter(name);
                if (value != null) {
                    carried.put(name, value);
                }
            }
        }
        if (action.equals("revoke")) {
            carried.remove("PCD_PAYER_ID");
        }
        return page(title(action), fields, carried);
    }

    private ModelAndView page(String title, Map<String, String> fields, Map<String, String> carried) {
        List<Map<String, String>> rows = new ArrayList<>();
        fields.forEach((name, value) -> rows.add(Map.of("name", name, "value", value)));
        List<Map<String, Object>> actions = new ArrayList<>();
        boolean success = "success".equals(fields.get("PCD_PAY_RST"));
        if (carried.get("PCD_PAY_REQKEY") != null && success) {
            actions.add(action("confirm", "CERT 최종 승인", carried));
        }
        String key = carried.get("PCD_PAYER_ID");
        if (key != null && !key.isEmpty()) {
            actions.add(action("charge", "등록된 결제수단으로 10,000원 결제 (REST)", carried));
            actions.add(action("info", "결제수단 조회 (PUSERINFO)", carried));
            actions.add(action("revoke", "결제수단 해지 (PUSERDEL)", carried));
        }
        String orderId = carried.get("PCD_PAY_OID");
        if (orderId != null && !orderId.isEmpty() && carried.get("PCD_PAY_TIME") != null) {
            actions.add(action("lookup", "결제 결과 조회 (PayChkAct)", carried));
            actions.add(action("refund", "3,000원 부분취소 (cPayCAct)", carried));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("result", fields.getOrDefault("PCD_PAY_RST", fields.getOrDefault("result", "")));
        model.put("rows", rows);
        model.put("actions", actions);
        model.put("hasActions", !actions.isEmpty());
        // A key registered with a password (PCD_SIMPLE_FLAG=Y) can pay through the window
        // with the password alone.
        if (key != null && !key.isEmpty() && "Y".equals(fields.get("PCD_SIMPLE_FLAG"))
                && "AUTH".equals(fields.get("PCD_PAY_WORK"))) {
            model.put("passwordPayment", Map.of("key", key, "type", carried.getOrDefault("PCD_PAY_TYPE", "card")));
        }
        return new ModelAndView("demo/result", model);
    }

    private static Map<String, Object> action(String name, String label, Map<String, String> carried) {
        List<Map<String, String>> hidden = new ArrayList<>();
        for (String field : List.of("PCD_PAYER_ID", "PCD_PAY_TYPE", "PCD_PAY_OID", "PCD_AUTH_KEY", "PCD_PAY_REQKEY",
                "PCD_PAY_COFURL", "PCD_PAY_TIME")) {
            String value = carried.get(field);
            if (value != null && !value.isEmpty()) {
                hidden.add(Map.of("name", field, "value", value));
            }
        }
        return Map.of("name", name, "label", label, "hidden", hidden);
    }

    private static String title(String action) {
        return switch (action) {
            case "charge" -> "REST 결제 결과";
            case "confirm" -> "CERT 승인 결과";
            case "refund" -> "부분취소 결과";
            case "lookup" -> "결제 조회 결과";
            case "info" -> "결제수단 조회 결과";
            default -> "결제수단 해지 결과";
        };
    }

    /** auth.php for the operation, then the operation at the URL it hands back. */
    private Map<String, Object> call(String gateway, Map<String, String> flags, Map<String, String> body)
            throws IOException, InterruptedException {
        Map<String, Object> authBody = new LinkedHashMap<>(flags);
        authBody.put("cst_id", PARTNER);
        authBody.put("custKey", SECRET);
        Map<String, Object> auth = post(gateway + "/php/auth.php", authBody);
        if (!"success".equals(auth.get("result"))) {
            return auth;
        }
        Map<String, Object> request = new LinkedHashMap<>(body);
        request.put("PCD_CST_ID", auth.get("cst_id"));
        request.put("PCD_CUST_KEY", auth.get("custKey"));
        request.put("PCD_AUTH_KEY", auth.get("AuthKey"));
        return post(String.valueOf(auth.get("return_url")), request);
    }

    private Map<String, Object> post(String url, Map<String, ?> body) throws IOException, InterruptedException {
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Referer", "http://localhost/demo")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body), StandardCharsets.UTF_8))
            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return this.json.readValue(response.body(), MAP);
    }

    /** The shop's server reaches the gateway on the port the request came in on. */
    private static String gateway(HttpServletRequest request) {
        return "http://127.0.0.1:" + request.getLocalPort();
    }

    private void requireEnabled() {
        if (!this.enabled) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }

}
