package kr.gyeol.gpay.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.gpay.GpayRefused;
import kr.gyeol.gpay.GpayTokens;
import kr.gyeol.protocol.GpayCode;
import kr.gyeol.protocol.GpayFields;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;
import kr.gyeol.window.HostedWindows;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The overseas payment window (spec §5.2): its script, the card page it opens, and the
 * result POSTed to the partner's {@code resultUrl}. The first payment registers the card;
 * the result carries its {@code billing_key}.
 */
@Controller
class GpayWindowController {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript",
            java.nio.charset.StandardCharsets.UTF_8);

    private final GpayTokens tokens;

    private final GpayCalls payments;

    private final HostedWindows windows;

    private final LenientBodyParser parser;

    private final byte[] script;

    GpayWindowController(GpayTokens tokens, GpayCalls payments, HostedWindows windows, LenientBodyParser parser)
            throws IOException {
        this.tokens = tokens;
        this.payments = payments;
        this.windows = windows;
        this.parser = parser;
        try (InputStream in = new ClassPathResource("sdk/gpay-1.0.1.js").getInputStream()) {
            this.script = in.readAllBytes();
        }
    }

    @GetMapping("/common/js/gpay-1.0.1.js")
    @ResponseBody
    ResponseEntity<byte[]> script() {
        return ResponseEntity.ok()
            .contentType(JAVASCRIPT)
            .cacheControl(CacheControl.noCache())
            .header("Access-Control-Allow-Origin", "*")
            .body(this.script);
    }

    /** The order posted by the script: checked, kept, and the card page shown. */
    @PostMapping("/gpay/window")
    ModelAndView open(HttpServletRequest servletRequest) {
        WireRequest request = this.parser.parse(servletRequest);
        String resultUrl = absolute(request.get(GpayFields.RESULT_URL));
        PartnerId partner;
        try {
            partner = this.tokens.authorize(request.get("Authorization"), request.get(GpayFields.SERVICE_ID));
        }
        catch (GpayRefused ex) {
            return result(GpayAnswers.error(GpayAnswers.code(ex.reason())), resultUrl);
        }
        GpayOrder order = GpayApiController.order(partner, request);
        if (order == null || resultUrl == null) {
            return result(GpayAnswers.error(GpayCode.A0201), resultUrl);
        }
        String id = this.windows.open(partner, order);
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("comments", order.comments());
        model.put("amount", GpayAmount.format(order.money()));
        model.put("currency", order.currency());
        model.put("firstName", order.firstName() == null ? "" : order.firstName());
        model.put("lastName", order.lastName() == null ? "" : order.lastName());
        model.put("email", order.email() == null ? "" : order.email());
        model.put("test", "demo".equals(request.get("payCls")));
        return new ModelAndView("gpay/card", model);
    }

    /**
     * The customer's card: registered, charged once, and the result posted to the shop.
     */
    @PostMapping("/gpay/window/{id}")
    ModelAndView pay(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        GpayOrder stored = this.windows.claim(id, GpayOrder.class).orElse(null);
        if (stored == null) {
            ModelAndView gone = new ModelAndView("error",
                    Map.of("status", 410, "error", "This payment window is closed."));
            gone.setStatus(HttpStatus.GONE);
            return gone;
        }
        GpayOrder order = new GpayOrder(stored.partnerId(), stored.serviceOid(), stored.comments(), stored.amount(),
                stored.currency(), orElse(form.get(GpayFields.FIRST_NAME), stored.firstName()),
                orElse(form.get(GpayFields.LAST_NAME), stored.lastName()),
                orElse(form.get(GpayFields.EMAIL), stored.email()), stored.serviceDefine(), stored.resultUrl());
        try {
            return result(this.payments.payByWindow(order, digits(form.get("cardNumber")), form.get("expiryYear"),
                    form.get("expiryMonth"), form.get("securityCode")), order.resultUrl());
        }
        finally {
            this.windows.complete(id);
        }
    }

    private static ModelAndView result(Map<String, ?> answer, String resultUrl) {
        List<Map<String, String>> fields = new ArrayList<>();
        answer.forEach((name, value) -> fields.add(Map.of("name", name, "value", String.valueOf(value))));
        Map<String, Object> model = new HashMap<>();
        model.put("fields", fields);
        boolean success = GpayCode.A0000.name().equals(answer.get(GpayFields.RESULT));
        model.put("heading", success ? "Payment complete" : "Payment failed");
        model.put("message", String.valueOf(answer.get(GpayFields.MESSAGE)));
        model.put("action", resultUrl == null ? "" : resultUrl);
        return new ModelAndView("gpay/result", model);
    }

    /** An absolute http(s) result URL, or null. */
    private static String absolute(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            return uri.isAbsolute() && uri.getScheme().toLowerCase().startsWith("http") ? uri.toString() : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String orElse(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }

    private static String digits(String value) {
        return value == null ? null : value.replaceAll("[^0-9]", "");
    }

}
