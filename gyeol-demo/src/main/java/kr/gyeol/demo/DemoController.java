package kr.gyeol.demo;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.protocol.Fields;
import kr.gyeol.client.Billing;
import kr.gyeol.client.CertApproval;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.GyeolException;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.Invoice;
import kr.gyeol.client.PayType;
import kr.gyeol.client.Plan;
import kr.gyeol.client.PlanRequest;
import kr.gyeol.client.RefundRequest;
import kr.gyeol.client.Subscription;
import kr.gyeol.client.SubscriptionEvent;
import kr.gyeol.client.SubscriptionRequest;
import kr.gyeol.client.SubscriptionStatus;
import kr.gyeol.client.TestClock;
import kr.gyeol.client.WindowResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The demo shop. Its "server side" is this controller calling the gateway through
 * {@code gyeol-client} with the public test partner's credentials, exactly as a partner's
 * server would; it keeps no state of its own, every next step carries what it needs in
 * its form.
 */
@Controller
class DemoController {

    private static final Logger log = LoggerFactory.getLogger(DemoController.class);

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    /** What the shop's forms carry from one step to the next. */
    private static final List<String> CARRIED = List.of("billingKey", "payType", "orderId", "paidOn", "authKey",
            "requestKey", "subscriptionId", "clockId");

    /** The demo's one plan, found by its name (or made) on first use. */
    private static final String PLAN_NAME = "데모 월간 구독";

    private static final DateTimeFormatter KOREAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(KOREA);

    private final Map<String, GyeolClient> clients = new ConcurrentHashMap<>();

    private final DemoPartner partner;

    private final boolean publicBaseUrl;

    DemoController(@Value("${gyeol.demo.enabled:true}") boolean enabled, @Value("${gyeol.demo.partner:}") String chosen,
            @Value("${gyeol.public-base-url:}") String publicBaseUrl, Environment environment) {
        this.publicBaseUrl = !publicBaseUrl.isBlank();
        this.partner = enabled ? DemoPartner.choose(environment, chosen).orElse(null) : null;
        if (!enabled) {
            log.info("Demo shop off (gyeol.demo.enabled=false)");
        }
        else if (this.partner == null) {
            log.info("Demo shop off: no test-mode partner with a secret is configured{}",
                    chosen.isBlank() ? "" : " under the id gyeol.demo.partner names");
        }
        else {
            log.info("Demo shop at /demo, as the test-mode partner '{}'", this.partner.id());
        }
    }

    @GetMapping("/demo")
    ModelAndView index() {
        requireEnabled();
        return new ModelAndView("demo/index", Map.of());
    }

    /**
     * The shop's auth file: the SDK posts the order here, the shop's server authenticates
     * the window and hands the answer back.
     */
    @PostMapping(path = "/demo/auth", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> auth(HttpServletRequest request) {
        requireEnabled();
        try {
            return forTheBrowser(client(request).windows().authenticate(posted(request)), request);
        }
        catch (GyeolException ex) {
            return Map.of("result", "error", "result_msg", String.valueOf(ex.getMessage()));
        }
    }

    /** Where the window's result arrives (its result URL). */
    @PostMapping("/demo/result")
    ModelAndView result(HttpServletRequest request) {
        requireEnabled();
        WindowResult result = client(request).windows().result(posted(request));
        Map<String, String> carried = new HashMap<>();
        put(carried, "billingKey", result.billingKey());
        put(carried, "payType", result.payType() == null ? null : result.payType().wire());
        // Only a window that paid leaves a payment to look up or cancel: not a
        // registration,
        // a decline, or a CERT still waiting for its approval.
        if (result.success() && "PAY".equals(result.work())) {
            put(carried, "orderId", result.orderId());
            put(carried, "paidOn", result.paidAt() == null ? null : result.paidAt().toLocalDate().toString());
        }
        result.certApproval().ifPresent((approval) -> {
            put(carried, "authKey", approval.authKey());
            put(carried, "requestKey", approval.requestKey());
        });
        ModelAndView page = page("결제창 결과", String.valueOf(result.result()), rows(result.fields()), carried);
        // A key registered with a password can pay through the window with the password
        // alone.
        if (result.success() && result.passwordRegistered() && result.billingKey() != null) {
            page.addObject("passwordPayment", Map.of("key", result.billingKey(), "type",
                    result.payType() == null ? PayType.CARD.wire() : result.payType().wire()));
        }
        return page;
    }

    /**
     * One operation of the partner's server, chosen by the button that was pressed.
     */
    @PostMapping("/demo/action/{action}")
    ModelAndView action(@PathVariable String action, HttpServletRequest request) {
        requireEnabled();
        GyeolClient client = client(request);
        Map<String, String> carried = new HashMap<>();
        for (String name : CARRIED) {
            put(carried, name, request.getParameter(name));
        }
        String missing = "refund".equals(action) && this.partner.refundKey() == null
                ? "the partner's refund-key in its configuration" : missing(action, carried);
        if (missing != null) {
            return page(title(action), "error", rows(Map.of("error", "missing " + missing)), carried);
        }
        if (SUBSCRIPTION_ACTIONS.contains(action)) {
            return subscription(action, client, carried);
        }
        String billingKey = carried.get("billingKey");
        PayType payType = payType(carried.get("payType"));
        String orderId = carried.get("orderId");
        LocalDate paidOn = day(carried.get("paidOn"));
        Object answer;
        try {
            answer = switch (action) {
                case "charge" -> paid(client.payments()
                    .charge(Charge.builder(payType, billingKey, "데모 정기결제", 10_000)
                        .orderId("demo-rest-" + System.currentTimeMillis())
                        .build()), carried);
                case "confirm" -> paid(client.payments()
                    .confirm(new CertApproval(payType, orderId, carried.get("authKey"), carried.get("requestKey"),
                            billingKey)),
                        carried);
                case "refund" -> client.payments().refund(RefundRequest.of(orderId, paidOn, 3_000));
                case "lookup" -> client.payments()
                    .lookup(payType, orderId, paidOn)
                    .map(DemoController::outcome)
                    .orElse(Map.of("found", false));
                case "info" -> client.billingKeys().find(billingKey);
                case "revoke" -> {
                    client.billingKeys().revoke(billingKey);
                    carried.remove("billingKey");
                    yield Map.of("billingKey", billingKey, "revoked", true);
                }
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            };
        }
        catch (GyeolException ex) {
            return page(title(action), "error", rows(Map.of("error", ex.getClass().getSimpleName(), "code",
                    String.valueOf(ex.code()), "message", String.valueOf(ex.getMessage()))), carried);
        }
        boolean declined = answer instanceof ChargeResult.Declined;
        carried.remove("authKey");
        carried.remove("requestKey");
        return page(title(action), declined ? "error" : "success", rows(answer), carried);
    }

    private static final List<String> SUBSCRIPTION_ACTIONS = List.of("subscribe", "advance", "unsubscribe");

    /**
     * The subscription steps: subscribe the registered key to the demo's monthly plan on
     * a test clock of its own, move the clock a month on (renewals, failures and dunning
     * run as they fall due), cancel.
     */
    private ModelAndView subscription(String action, GyeolClient client, Map<String, String> carried) {
        Billing billing = client.billing();
        Subscription subscription;
        try {
            subscription = switch (action) {
                case "subscribe" -> {
                    String plan = billing.plans()
                        .stream()
                        .filter((candidate) -> candidate.name().equals(PLAN_NAME))
                        .map(Plan::id)
                        .findFirst()
                        .orElseGet(() -> billing.createPlan(PlanRequest.monthly(PLAN_NAME, 9_900)).id());
                    TestClock clock = billing.createTestClock("demo", null);
                    put(carried, "clockId", clock.id());
                    yield billing
                        .subscribe(SubscriptionRequest.of(plan, carried.get("billingKey")).onTestClock(clock.id()));
                }
                case "advance" -> {
                    TestClock clock = billing.testClock(carried.get("clockId"));
                    billing.advance(clock.id(), clock.frozenTime().atZone(KOREA).plusMonths(1).toInstant());
                    yield billing.subscription(carried.get("subscriptionId"));
                }
                default -> billing.cancel(carried.get("subscriptionId"));
            };
        }
        catch (GyeolException ex) {
            return page(title(action), "error", rows(Map.of("error", ex.getClass().getSimpleName(), "code",
                    String.valueOf(ex.code()), "message", String.valueOf(ex.getMessage()))), carried);
        }
        put(carried, "subscriptionId", subscription.id());
        if (subscription.status() == SubscriptionStatus.CANCELED) {
            carried.remove("clockId");
        }
        TestClock clock = carried.containsKey("clockId") ? billing.testClock(carried.get("clockId")) : null;
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("subscription", subscription.id());
        shown.put("subscriptionStatus", subscription.status());
        shown.put("clock", clock == null ? "" : KOREAN_TIME.format(clock.frozenTime()));
        shown.put("periodNumber", subscription.periodNumber());
        shown.put("currentPeriod", KOREAN_TIME.format(subscription.currentPeriodStart()) + " – "
                + KOREAN_TIME.format(subscription.currentPeriodEnd()));
        shown.put("nextActionAt",
                subscription.nextActionAt() == null ? "" : KOREAN_TIME.format(subscription.nextActionAt()));
        boolean failing = subscription.status() == SubscriptionStatus.PAST_DUE
                || subscription.status() == SubscriptionStatus.UNPAID;
        ModelAndView page = page(title(action), failing ? "error" : "success", rows(shown), carried);
        List<Invoice> invoices = billing.invoices(subscription.id());
        page.addObject("hasInvoices", !invoices.isEmpty());
        page.addObject("invoices", invoices.stream().map((invoice) -> {
            Map<String, String> row = new HashMap<>();
            row.put("period", String.valueOf(invoice.periodNumber()));
            row.put("start", KOREAN_TIME.format(invoice.periodStart()));
            row.put("amount", String.format("%,d원", invoice.amount()));
            row.put("status", invoice.status());
            row.put("attempts",
                    invoice.history()
                        .stream()
                        .map((attempt) -> KOREAN_TIME.format(attempt.attemptedAt()) + " " + attempt.status()
                                + (attempt.declineReason() == null ? "" : " (" + attempt.declineReason() + ")"))
                        .collect(Collectors.joining(" · ")));
            return row;
        }).toList());
        List<SubscriptionEvent> events = billing.events(subscription.id());
        page.addObject("hasEvents", !events.isEmpty());
        page.addObject("events",
                events.stream()
                    .map((event) -> Map.of("at", KOREAN_TIME.format(event.occurredAt()), "type", event.type()))
                    .toList());
        return page;
    }

    /** What the action needs that the form did not carry, or null. */
    private static String missing(String action, Map<String, String> carried) {
        List<String> needed = switch (action) {
            case "subscribe" -> List.of("billingKey");
            case "advance" -> List.of("subscriptionId", "clockId");
            case "unsubscribe" -> List.of("subscriptionId");
            case "charge", "info", "revoke" -> List.of("billingKey");
            case "confirm" -> List.of("authKey", "requestKey");
            case "refund", "lookup" -> List.of("orderId");
            default -> List.of();
        };
        return needed.stream().filter((name) -> !carried.containsKey(name)).findFirst().orElse(null);
    }

    private static LocalDate day(String value) {
        try {
            return value == null ? LocalDate.now(KOREA) : LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            return LocalDate.now(KOREA);
        }
    }

    /** The payment of an approved charge, whose order id and day the next steps need. */
    private static Object paid(ChargeResult result, Map<String, String> carried) {
        if (result instanceof ChargeResult.Approved approved) {
            put(carried, "orderId", approved.payment().orderId());
            put(carried, "paidOn",
                    approved.payment().paidAt() == null ? null : approved.payment().paidAt().toLocalDate().toString());
        }
        return outcome(result);
    }

    private static Object outcome(ChargeResult result) {
        return result instanceof ChargeResult.Approved approved ? approved.payment() : result;
    }

    private static ModelAndView page(String title, String result, List<Map<String, String>> rows,
            Map<String, String> carried) {
        List<Map<String, Object>> actions = new ArrayList<>();
        if (carried.get("requestKey") != null && "success".equals(result)) {
            actions.add(action("confirm", "CERT 최종 승인", carried));
        }
        if (carried.get("subscriptionId") != null && carried.get("clockId") != null) {
            actions.add(action("advance", "테스트 시계 1개월 앞으로", carried));
            actions.add(action("unsubscribe", "구독 즉시 해지", carried));
        }
        if (carried.get("billingKey") != null && carried.get("subscriptionId") == null) {
            actions.add(action("subscribe", "이 결제수단으로 월 9,900원 구독 (테스트 시계)", carried));
        }
        if (carried.get("billingKey") != null) {
            actions.add(action("charge", "등록된 결제수단으로 10,000원 결제 (REST)", carried));
            actions.add(action("info", "결제수단 조회 (PUSERINFO)", carried));
            actions.add(action("revoke", "결제수단 해지 (PUSERDEL)", carried));
        }
        if (carried.get("orderId") != null && carried.get("paidOn") != null) {
            actions.add(action("lookup", "결제 결과 조회 (PayChkAct)", carried));
            actions.add(action("refund", "3,000원 부분취소 (cPayCAct)", carried));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("result", result);
        model.put("rows", rows);
        model.put("actions", actions);
        model.put("hasActions", !actions.isEmpty());
        return new ModelAndView("demo/result", model);
    }

    /** The fields a result page shows first, in this order; the others follow by name. */
    private static final List<String> LEADING = List.of(Fields.PAY_RST, Fields.PAY_CODE, Fields.PAY_MSG,
            Fields.PAY_WORK, Fields.PAY_TYPE, Fields.PAY_OID, Fields.PAY_TOTAL, Fields.PAYER_ID, "result",
            "result_msg");

    /** A record's components (a payment, a refund, a billing key) or a map's entries. */
    private static List<Map<String, String>> rows(Object answer) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (answer instanceof Map<?, ?> map) {
            // The same order on every page: the outcome first, then the fields by name.
            map.entrySet()
                .stream()
                .sorted(java.util.Comparator
                    .comparingInt((Map.Entry<?, ?> entry) -> LEADING.indexOf(String.valueOf(entry.getKey())) < 0
                            ? LEADING.size() : LEADING.indexOf(String.valueOf(entry.getKey())))
                    .thenComparing((entry) -> String.valueOf(entry.getKey())))
                .forEach((entry) -> values.put(String.valueOf(entry.getKey()), entry.getValue()));
        }
        else if (answer instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    values.put(component.getName(), component.getAccessor().invoke(record));
                }
                catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        values.forEach((name, value) -> rows.add(Map.of("name", name, "value", value == null ? "" : value.toString())));
        return rows;
    }

    private static Map<String, Object> action(String name, String label, Map<String, String> carried) {
        List<Map<String, String>> hidden = new ArrayList<>();
        for (String field : CARRIED) {
            String value = carried.get(field);
            if (value != null) {
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
            case "subscribe" -> "구독 결과";
            case "advance" -> "테스트 시계 이동 결과";
            case "unsubscribe" -> "구독 해지 결과";
            default -> "결제수단 해지 결과";
        };
    }

    private static Map<String, String> posted(HttpServletRequest request) {
        Map<String, String> posted = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> posted.put(name, values[0]));
        return posted;
    }

    private static void put(Map<String, String> carried, String name, String value) {
        if (value != null && !value.isBlank()) {
            carried.put(name, value);
        }
    }

    private static PayType payType(String value) {
        PayType payType = PayType.fromWireOrNull(value);
        return payType != null ? payType : PayType.CARD;
    }

    /**
     * The window's address as the browser reaches the gateway: the shop's server asked on
     * the loopback, so the gateway built it on 127.0.0.1; the browser may be on another
     * machine or behind a proxy, and gets the host it asked for (a proxy's forwarded host
     * when the proxy is trusted). With {@code gyeol.public-base-url} set, the gateway
     * built it on that already.
     */
    private Map<String, String> forTheBrowser(Map<String, String> answer, HttpServletRequest request) {
        if (this.publicBaseUrl) {
            return answer;
        }
        String loopback = loopback(request);
        String browser = ServletUriComponentsBuilder.fromContextPath(request)
            .replacePath(null)
            .replaceQuery(null)
            .build()
            .toUriString();
        Map<String, String> rewritten = new java.util.LinkedHashMap<>(answer);
        rewritten
            .replaceAll((name, value) -> value != null && (value.equals(loopback) || value.startsWith(loopback + "/"))
                    ? browser + value.substring(loopback.length()) : value);
        return rewritten;
    }

    private static String loopback(HttpServletRequest request) {
        return "http://127.0.0.1:" + request.getLocalPort();
    }

    /**
     * The shop's server reaches the gateway on the port the request came in on, with one
     * client per port.
     */
    private GyeolClient client(HttpServletRequest request) {
        String gateway = loopback(request);
        return this.clients.computeIfAbsent(gateway,
                (base) -> GyeolClient.builder()
                    .hosts(Hosts.gyeol(base))
                    .partner(this.partner.id(), this.partner.secret())
                    .refundKey(this.partner.refundKey())
                    .referer(this.partner.referer())
                    .build());
    }

    private void requireEnabled() {
        if (this.partner == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

}
