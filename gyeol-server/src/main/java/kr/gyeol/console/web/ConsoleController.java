package kr.gyeol.console.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.console.ConsoleSessions;
import kr.gyeol.payment.PeriodTotals;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentSearch;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.payment.PaymentStatus;
import kr.gyeol.refund.Refund;
import kr.gyeol.refund.RefundRejected;
import kr.gyeol.refund.RefundService;
import kr.gyeol.refund.RefundStatus;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.PaymentId;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.BillingKeyStatus;
import kr.gyeol.vault.InstrumentType;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;
import kr.gyeol.webhook.WebhookEndpoint;
import kr.gyeol.webhook.WebhookEndpoints;
import kr.gyeol.webhook.WebhookFormat;
import kr.gyeol.link.LinkService;
import kr.gyeol.link.PaymentLink;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.PartnerProperties;
import kr.gyeol.receipt.CashReceipt;
import kr.gyeol.receipt.CashReceipts;
import kr.gyeol.subscription.BillingInterval;
import kr.gyeol.subscription.Plan;
import kr.gyeol.subscription.Plans;
import kr.gyeol.subscription.Subscription;
import kr.gyeol.subscription.SubscriptionRefused;
import kr.gyeol.subscription.SubscriptionStatus;
import kr.gyeol.subscription.TestClock;
import kr.gyeol.subscription.TestClocks;
import kr.gyeol.subscription.Subscriptions;
import kr.gyeol.webhook.WebhookHistory;
import kr.gyeol.webhook.WebhookLog;
import kr.gyeol.webhook.WebhookStatus;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's pages. Each reads and acts through the services the APIs use (search and
 * history from the payment engine, refunds through the one refund path, revocations
 * through the vault, replays through the webhook log), always for the signed-in partner:
 * another partner's id is answered as not found.
 */
@Controller
class ConsoleController {

    private static final int PAGE = 50;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00");

    private final ConsoleSessions sessions;

    private final PaymentService payments;

    private final RefundService refunds;

    private final Vault vault;

    private final WebhookLog webhooks;

    private final WebhookEndpoints endpoints;

    private final Subscriptions subscriptions;

    private final Plans plans;

    private final TestClocks clocks;

    private final LinkService links;

    private final CashReceipts receipts;

    private final PartnerAuthentication partners;

    private final Clock clock;

    private final PartnerProperties configured;

    ConsoleController(Clock clock, PartnerProperties configured, ConsoleSessions sessions, PaymentService payments,
            RefundService refunds, Vault vault, WebhookLog webhooks, WebhookEndpoints endpoints,
            Subscriptions subscriptions, Plans plans, TestClocks clocks, LinkService links, CashReceipts receipts,
            PartnerAuthentication partners) {
        this.clocks = clocks;
        this.clock = clock;
        this.configured = configured;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.links = links;
        this.receipts = receipts;
        this.partners = partners;
        this.sessions = sessions;
        this.payments = payments;
        this.refunds = refunds;
        this.vault = vault;
        this.webhooks = webhooks;
        this.endpoints = endpoints;
    }

    // Sign-in and sign-out.

    @GetMapping("/console/login")
    ModelAndView loginForm(HttpServletRequest request, HttpServletResponse response) {
        ConsoleAccess.secureHeaders(response);
        Map<String, Object> model = texts(request, response);
        model.put("csrf", SignInForgery.issue(request, response));
        return new ModelAndView("console/login", model);
    }

    @PostMapping("/console/login")
    ModelAndView login(@RequestParam(name = "cst_id", required = false) String partnerId,
            @RequestParam(name = "key", required = false) String secret,
            @RequestParam(name = "_csrf", required = false) String csrf, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleAccess.secureHeaders(response);
        Map<String, Object> model = texts(request, response);
        if (!SignInForgery.matches(request, csrf)) {
            // A sign-in posted from another site's page (login CSRF) or a stale form:
            // shown the form again, with a fresh token, and nothing is checked.
            model.put("error", text(model, "login.expired"));
            model.put("csrf", SignInForgery.issue(request, response));
            ModelAndView page = new ModelAndView("console/login", model);
            page.setStatus(HttpStatus.FORBIDDEN);
            return page;
        }
        switch (this.sessions.signIn(partnerId, secret, request.getRemoteAddr())) {
            case ConsoleSessions.SignIn.Success success -> {
                Cookie cookie = new Cookie(ConsoleAccess.COOKIE, success.opened().token());
                cookie.setPath("/console");
                cookie.setHttpOnly(true);
                cookie.setSecure(request.isSecure());
                cookie.setAttribute("SameSite", "Strict");
                response.addCookie(cookie);
                return new ModelAndView("redirect:/console");
            }
            case ConsoleSessions.SignIn.Refused refused -> {
                model.put("csrf", SignInForgery.issue(request, response));
                model.put("error", text(model,
                        refused.reason() == ConsoleSessions.Refusal.LOCKED_OUT ? "login.lockedOut" : "login.wrong"));
                model.put("partnerId", partnerId);
                ModelAndView page = new ModelAndView("console/login", model);
                page.setStatus(refused.reason() == ConsoleSessions.Refusal.LOCKED_OUT ? HttpStatus.TOO_MANY_REQUESTS
                        : HttpStatus.UNAUTHORIZED);
                return page;
            }
        }
    }

    @PostMapping("/console/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        ConsoleAccess.token(request).ifPresent(this.sessions::signOut);
        Cookie cookie = new Cookie(ConsoleAccess.COOKIE, "");
        cookie.setPath("/console");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
        return "redirect:/console/login";
    }

    // The dashboard.

    @GetMapping("/console")
    ModelAndView dashboard(@RequestParam(defaultValue = "14") int days, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "dashboard");
        int span = Math.clamp(days, 1, 90);
        LocalDate today = today();
        Instant from = today.minusDays(span - 1).atStartOfDay(KoreanTime.ZONE).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(KoreanTime.ZONE).toInstant();
        List<LocalDateTime> slots = new ArrayList<>();
        for (int i = span - 1; i >= 0; i--) {
            slots.add(today.minusDays(i).atStartOfDay());
        }
        Series daily = series(this.payments.dailyTotals(session.partnerId(), from, to), slots, DAY);
        model.put("days", daily.rows());
        model.put("span", span);
        model.put("totalPayments", daily.payments());
        model.put("approvalRate", daily.payments() == 0 ? "-"
                : String.format(Locale.ROOT, "%.1f%%", 100.0 * daily.approved() / daily.payments()));
        model.put("totalAmount", won(daily.amount()));
        model.put("totalRefunded", won(daily.refunded()));
        model.put("daily", daily.chart());
        // The last 24 hours, hour by hour.
        LocalDateTime hour = LocalDateTime.now(this.clock.withZone(KoreanTime.ZONE)).truncatedTo(ChronoUnit.HOURS);
        List<LocalDateTime> hours = new ArrayList<>();
        for (int i = 23; i >= 0; i--) {
            hours.add(hour.minusHours(i));
        }
        Series hourly = series(
                this.payments.hourlyTotals(session.partnerId(), hours.getFirst().atZone(KoreanTime.ZONE).toInstant(),
                        hour.plusHours(1).atZone(KoreanTime.ZONE).toInstant()),
                hours, HOUR);
        model.put("hours", hourly.rows());
        model.put("hourly", hourly.chart());
        model.put("declineReasons",
                this.payments.declineReasons(session.partnerId(), from, to)
                    .stream()
                    .map((reason) -> Map.of("reason", label(model, "declineReason", reason.getKey()), "count",
                            reason.getValue()))
                    .toList());
        List<WebhookHistory> recent = this.webhooks.history(session.partnerId(), 200);
        long attempts = recent.stream().mapToLong((entry) -> entry.attempts().size()).sum();
        long delivered = recent.stream().filter((entry) -> entry.status() == WebhookStatus.DELIVERED).count();
        model.put("webhookEvents", recent.size());
        model.put("webhookDelivered", delivered);
        model.put("webhookAttempts", attempts);
        model.put("webhookLatency",
                recent.stream()
                    .flatMap((entry) -> entry.attempts().stream())
                    .filter((attempt) -> attempt.statusCode() != null)
                    .mapToLong(WebhookHistory.Attempt::latencyMillis)
                    .average()
                    .stream()
                    .mapToObj((average) -> Math.round(average) + " ms")
                    .findFirst()
                    .orElse("-"));
        return new ModelAndView("console/dashboard", model);
    }

    /** A dashboard series: a row per slot, the sums, and the chart's numbers. */
    private record Series(List<Map<String, Object>> rows, long payments, long approved, long amount, long refunded,
            Map<String, String> chart) {
    }

    /** The totals laid on every slot (a day or an hour), empty ones included. */
    private static Series series(List<PeriodTotals> found, List<LocalDateTime> slots, DateTimeFormatter label) {
        Map<LocalDateTime, PeriodTotals> bySlot = found.stream()
            .collect(Collectors.toMap(PeriodTotals::start, (totals) -> totals));
        List<Map<String, Object>> rows = new ArrayList<>();
        long payments = 0;
        long approved = 0;
        long amount = 0;
        long refunded = 0;
        List<String> times = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        for (LocalDateTime slot : slots) {
            PeriodTotals totals = bySlot.getOrDefault(slot, new PeriodTotals(slot, 0, 0, 0, 0, 0));
            payments += totals.payments();
            approved += totals.approved();
            amount += totals.approvedAmount();
            refunded += totals.refundedAmount();
            rows.add(Map.of("slot", slot.format(label), "payments", totals.payments(), "approved", totals.approved(),
                    "declined", totals.declined(), "amount", won(totals.approvedAmount()), "refunded",
                    won(totals.refundedAmount())));
            times.add(Long.toString(slot.atZone(KoreanTime.ZONE).toEpochSecond()));
            counts.add(Long.toString(totals.payments()));
            amounts.add(Long.toString(totals.approvedAmount()));
        }
        return new Series(rows, payments, approved, amount, refunded, Map.of("times", String.join(",", times), "counts",
                String.join(",", counts), "amounts", String.join(",", amounts)));
    }

    // Payments.

    @GetMapping("/console/payments")
    ModelAndView payments(@RequestParam Map<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "payments");
        LocalDate today = today();
        LocalDate from = day(query.get("from")).orElse(today.minusDays(6));
        LocalDate to = day(query.get("to")).orElse(today);
        PaymentStatus status = parse(PaymentStatus.class, query.get("status"));
        InstrumentType instrument = parse(InstrumentType.class, query.get("instrument"));
        Long amount = amount(query.get("amount"));
        String orderId = blankToNull(query.get("orderId"));
        String payer = blankToNull(query.get("payer"));
        int page = Math.max(0, integer(query.get("page")));
        List<Payment> found = this.payments.search(session.partnerId(),
                new PaymentSearch(from.atStartOfDay(KoreanTime.ZONE).toInstant(),
                        to.plusDays(1).atStartOfDay(KoreanTime.ZONE).toInstant(), status, orderId, payer, amount,
                        instrument),
                PAGE + 1, page * PAGE);
        model.put("from", from.format(DAY));
        model.put("to", to.format(DAY));
        model.put("orderId", orderId);
        model.put("payer", payer);
        model.put("amount", amount);
        model.put("statuses", options(model, "paymentStatus", PaymentStatus.values(), status));
        model.put("instruments", options(model, "instrument", InstrumentType.values(), instrument));
        model.put("payments", found.stream().limit(PAGE).map((payment) -> row(model, payment)).toList());
        model.put("none", found.isEmpty());
        Map<String, String> kept = new HashMap<>(query);
        kept.remove("page");
        kept.remove("lang");
        if (page > 0) {
            model.put("previous", link("/console/payments", kept, page - 1));
        }
        if (found.size() > PAGE) {
            model.put("next", link("/console/payments", kept, page + 1));
        }
        return new ModelAndView("console/payments", model);
    }

    @GetMapping("/console/payments/{id}")
    ModelAndView payment(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Payment payment = owned(session, id);
        Map<String, Object> model = page(request, response, "payments");
        List<Refund> refundsOf = this.refunds.of(payment.id());
        long held = refundsOf.stream()
            .filter((refund) -> refund.status() != RefundStatus.DECLINED)
            .mapToLong((refund) -> refund.amount().amount())
            .sum();
        long refundable = payment.status() == PaymentStatus.APPROVED ? payment.amount().amount() - held : 0;
        model.put("payment", row(model, payment));
        model.put("approvalNumber", payment.approvalNumber());
        model.put("decline", payment.decline() == null ? null
                : payment.decline().institutionCode() + " " + payment.decline().institutionMessage());
        model.put("goods", payment.goods());
        model.put("vat", money(payment.vat(), payment.amount()));
        model.put("completedAt", payment.completedAt() == null ? null : time(payment.completedAt()));
        model.put("receipt",
                payment.receipt() == null ? null
                        : label(model, "receiptStatus", payment.receipt().status()) + " " + payment.receipt().number()
                                + " (" + money(payment.receipt().amount(), payment.amount()) + ")");
        model.put("refunds",
                refundsOf.stream()
                    .map((refund) -> Map.of("id", refund.id(), "status", label(model, "refundStatus", refund.status()),
                            "amount", money(refund.amount().amount(), refund.amount()), "requestedAt",
                            time(refund.requestedAt())))
                    .toList());
        List<String> subjects = new ArrayList<>();
        subjects.add(payment.id().value());
        refundsOf.forEach((refund) -> subjects.add(refund.id()));
        model.put("events", events(model, this.webhooks.historyAbout(session.partnerId(), subjects)));
        model.put("refundable", refundable > 0 ? refundable : null);
        model.put("refundableText", money(refundable, payment.amount()));
        return new ModelAndView("console/payment", model);
    }

    @PostMapping("/console/payments/{id}/refund")
    ModelAndView refund(@PathVariable String id, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String confirm, HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Payment payment = owned(session, id);
        Long requested = amount(amount);
        String failure = null;
        if (!"yes".equals(confirm)) {
            failure = "refund.unconfirmed";
        }
        else if (requested == null || requested <= 0) {
            failure = "refund.INVALID_AMOUNT";
        }
        else {
            try {
                if (payment.api() == PaymentApi.GPAY) {
                    this.refunds.refundOverseas(session.partnerId(), payment.id(), null,
                            new Money(requested, payment.amount().currency()), "console");
                }
                else {
                    this.refunds.refund(session.partnerId(), payment.orderId(), KoreanTime.date(payment.requestedAt()),
                            requested, null);
                }
            }
            catch (RefundRejected refused) {
                failure = "refund." + refused.reason().name();
            }
        }
        if (failure == null) {
            return new ModelAndView("redirect:/console/payments/" + payment.id().value() + "?done=refunded");
        }
        ModelAndView page = payment(id, request, response);
        page.addObject("error", text(page.getModel(), failure));
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page;
    }

    // Billing keys.

    @GetMapping("/console/billing-keys")
    ModelAndView billingKeys(@RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "keys");
        int shown = Math.max(0, page);
        List<BillingKey> keys = this.vault.list(session.partnerId(), PAGE + 1, shown * PAGE);
        model.put("keys", pageOf(model, "/console/billing-keys", shown, keys).stream().map((key) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", Vault.masked(key.id()));
            row.put("ref", Vault.digest(key.id()));
            row.put("type", label(model, "instrument", key.type()));
            row.put("masked", key.maskedNumber());
            row.put("institution", key.institutionName());
            row.put("payer", key.payer() == null ? null : key.payer().name());
            row.put("status", label(model, "keyStatus", key.status()));
            row.put("active", key.status() == BillingKeyStatus.ACTIVE);
            row.put("createdAt", time(key.createdAt()));
            return row;
        }).toList());
        return new ModelAndView("console/billing-keys", model);
    }

    /**
     * The key is named by its digest ({@code ref}, as the page's form sends it: the page
     * shows keys masked) or by itself ({@code key}, a form field: billing keys are Base64
     * and may hold a slash).
     */
    @PostMapping("/console/billing-keys/revoke")
    String revoke(@RequestParam(name = "key", required = false) String id,
            @RequestParam(name = "ref", required = false) String ref, HttpServletRequest request) {
        ConsoleSession session = session(request);
        BillingKeyId key;
        try {
            key = id != null && !id.isBlank() ? BillingKeyId.of(id) : this.vault.findByDigest(session.partnerId(), ref)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        catch (IllegalArgumentException malformed) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            this.vault.revoke(session.partnerId(), key);
        }
        catch (RegistrationRejected | IllegalArgumentException notOurs) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console/billing-keys";
    }

    // Webhooks.

    /**
     * The receiver's settings and the delivery log, newest first, a page at a time:
     * narrowed to a status, an event type, and the events about an order (its payments
     * and their refunds) when these are chosen.
     */
    @GetMapping("/console/webhooks")
    ModelAndView webhooks(@RequestParam Map<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "webhooks");
        WebhookStatus status = parse(WebhookStatus.class, query.get("status"));
        EventType type = parse(EventType.class, query.get("type"));
        String orderId = blankToNull(query.get("orderId"));
        int page = Math.max(0, integer(query.get("page")));
        List<String> subjects = orderId == null ? null : aboutOrder(session, orderId);
        List<WebhookHistory> found = this.webhooks.search(session.partnerId(), status, type, subjects, PAGE + 1,
                page * PAGE);
        model.put("statuses", options(model, "webhookStatus", WebhookStatus.values(), status));
        model.put("types", options(model, "event", EventType.values(), type));
        model.put("orderId", orderId);
        model.put("events", events(model, found.stream().limit(PAGE).toList()));
        Map<String, String> kept = new HashMap<>(query);
        kept.remove("page");
        kept.remove("lang");
        kept.remove("done");
        if (page > 0) {
            model.put("previous", link("/console/webhooks", kept, page - 1));
        }
        if (found.size() > PAGE) {
            model.put("next", link("/console/webhooks", kept, page + 1));
        }
        Optional<WebhookEndpoint> endpoint = this.endpoints.find(session.partnerId());
        model.put("resultUrl", endpoint.map(WebhookEndpoint::resultUrl).orElse(null));
        model.put("revocationUrl", endpoint.map(WebhookEndpoint::revocationUrl).orElse(null));
        model.put("format", endpoint.map((configured) -> configured.format().name()).orElse(null));
        return new ModelAndView("console/webhooks", model);
    }

    /**
     * What the webhooks of an order are about: the partner's payments of that order id (a
     * Payple order id may be charged again after a decline) and their refunds.
     */
    private List<String> aboutOrder(ConsoleSession session, String orderId) {
        List<String> subjects = new ArrayList<>();
        for (Payment payment : this.payments.search(session.partnerId(), new PaymentSearch(Instant.EPOCH,
                Instant.now(this.clock).plus(Duration.ofDays(1)), null, orderId, null, null, null), PAGE, 0)) {
            subjects.add(payment.id().value());
            this.refunds.of(payment.id()).forEach((refund) -> subjects.add(refund.id()));
        }
        return subjects;
    }

    @PostMapping("/console/webhooks/events/{id}/replay")
    String replay(@PathVariable String id, HttpServletRequest request) {
        ConsoleSession session = session(request);
        if (!this.webhooks.replay(session.partnerId(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console/webhooks?done=replayed";
    }

    // Subscriptions and plans, links, cash receipts.

    @GetMapping("/console/subscriptions")
    ModelAndView subscriptions(HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "subscriptions");
        List<Plan> plansOf = this.plans.list(session.partnerId(), 200);
        Map<String, String> planNames = plansOf.stream().collect(Collectors.toMap(Plan::id, Plan::name));
        model.put("plans", plansOf.stream().map((plan) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", plan.id());
            row.put("name", plan.name());
            row.put("amount", money(plan.amount().amount(), plan.amount()));
            row.put("interval", interval(model, plan.interval()));
            row.put("trialDays", plan.trialDays());
            return row;
        }).toList());
        model.put("subscriptions", this.subscriptions.list(session.partnerId(), null, null, 200).stream().map((sub) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", sub.id());
            row.put("plan", planNames.getOrDefault(sub.planId(), sub.planId()));
            row.put("status", label(model, "subscriptionStatus", sub.status()));
            row.put("key", Vault.masked(sub.billingKeyId()));
            row.put("period", sub.periodNumber());
            row.put("periodEnd", time(sub.periodEnd()));
            row.put("clock", sub.clockId());
            return row;
        }).toList());
        return new ModelAndView("console/subscriptions", model);
    }

    /**
     * A subscription's page: its facts, every invoice with its charge attempts (each
     * linked to its payment), its events, and the actions the {@code /v1} API has: cancel
     * (now or at the period's end), pause, resume, and for a subscription on a test
     * clock, advancing that clock.
     */
    @GetMapping("/console/subscriptions/{id}")
    ModelAndView subscription(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Subscription sub = ownedSubscription(session, id);
        Map<String, Object> model = page(request, response, "subscriptions");
        Plan plan = this.plans.list(session.partnerId(), 200)
            .stream()
            .filter((candidate) -> candidate.id().equals(sub.planId()))
            .findFirst()
            .orElse(null);
        model.put("id", sub.id());
        model.put("plan", plan == null ? sub.planId() : plan.name());
        model.put("planAmount", plan == null ? null : money(plan.amount().amount(), plan.amount()));
        model.put("planInterval", plan == null ? null : interval(model, plan.interval()));
        model.put("status", sub.status().name());
        model.put("statusText", label(model, "subscriptionStatus", sub.status()));
        model.put("goods", sub.goods());
        model.put("key", Vault.masked(sub.billingKeyId()));
        model.put("period", sub.periodNumber());
        model.put("periodStart", time(sub.periodStart()));
        model.put("periodEnd", time(sub.periodEnd()));
        model.put("trialEnd", sub.trialEnd() == null ? null : time(sub.trialEnd()));
        model.put("cancelAtPeriodEnd", sub.cancelAtPeriodEnd());
        model.put("createdAt", time(sub.createdAt()));
        model.put("canceledAt", sub.canceledAt() == null ? null : time(sub.canceledAt()));
        boolean canceled = sub.status() == SubscriptionStatus.CANCELED;
        model.put("canCancel", !canceled);
        model.put("canCancelAtPeriodEnd", !sub.cancelAtPeriodEnd()
                && (sub.status() == SubscriptionStatus.ACTIVE || sub.status() == SubscriptionStatus.TRIALING));
        model.put("canPause", !canceled && sub.status() != SubscriptionStatus.PAUSED);
        model.put("canResume", sub.status() == SubscriptionStatus.PAUSED);
        if (sub.clockId() != null) {
            TestClock clockOf = this.clocks.find(session.partnerId(), sub.clockId());
            model.put("clock",
                    Map.of("clockId", clockOf.id(), "name", clockOf.name() == null ? "" : clockOf.name(), "at",
                            time(clockOf.frozenAt()), "input",
                            LocalDateTime.ofInstant(clockOf.frozenAt(), KoreanTime.ZONE)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString()));
        }
        model.put("invoices",
                this.subscriptions.invoices(session.partnerId(), sub.id(), 100).stream().map((invoice) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("period", invoice.periodNumber());
                    row.put("span", time(invoice.periodStart()) + " ~ " + time(invoice.periodEnd()));
                    row.put("amount", money(invoice.amount().amount(), invoice.amount()));
                    row.put("status", invoice.status().name());
                    row.put("statusText", label(model, "invoiceStatus", invoice.status()));
                    row.put("nextRetryAt", invoice.nextRetryAt() == null ? null : time(invoice.nextRetryAt()));
                    row.put("attempts",
                            invoice.history() == null ? List.of() : invoice.history().stream().map((attempt) -> {
                                Map<String, Object> tried = new HashMap<>();
                                tried.put("number", attempt.number());
                                tried.put("orderId", attempt.orderId());
                                tried.put("payment", attempt.paymentId());
                                tried.put("status", label(model, "attemptStatus", attempt.status()));
                                tried.put("reason", attempt.declineReason() == null ? null
                                        : label(model, "declineReason", attempt.declineReason()));
                                tried.put("at", time(attempt.attemptedAt()));
                                return tried;
                            }).toList());
                    return row;
                }).toList());
        model.put("events",
                this.subscriptions.events(session.partnerId(), sub.id(), 200)
                    .stream()
                    .map((event) -> Map.of("type", label(model, "event", event.type()), "at", time(event.occurredAt())))
                    .toList());
        return new ModelAndView("console/subscription", model);
    }

    @PostMapping("/console/subscriptions/{id}/cancel")
    ModelAndView cancelSubscription(@PathVariable String id, @RequestParam(required = false) String when,
            @RequestParam(required = false) String confirm, HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        boolean atPeriodEnd = "periodEnd".equals(when);
        return subscriptionAction(id, request, response, "canceled", () -> {
            Subscription sub = ownedSubscription(session, id);
            if (!atPeriodEnd && !"yes".equals(confirm)) {
                // Canceling now voids the open invoice: as a refund, it needs the box
                // ticked.
                throw new SubscriptionInput("unconfirmed");
            }
            this.subscriptions.cancel(session.partnerId(), sub.id(), atPeriodEnd);
        });
    }

    @PostMapping("/console/subscriptions/{id}/pause")
    ModelAndView pauseSubscription(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        return subscriptionAction(id, request, response, "paused",
                () -> this.subscriptions.pause(session.partnerId(), ownedSubscription(session, id).id()));
    }

    @PostMapping("/console/subscriptions/{id}/resume")
    ModelAndView resumeSubscription(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        return subscriptionAction(id, request, response, "resumed",
                () -> this.subscriptions.resume(session.partnerId(), ownedSubscription(session, id).id()));
    }

    /**
     * Advances the subscription's test clock to a Korean date and time ({@code to}, as a
     * {@code datetime-local} field sends it) or by a step ({@code by}: {@code P1D},
     * {@code P7D}, {@code P1M}, {@code P1Y}), running the renewals that fall due.
     */
    @PostMapping("/console/subscriptions/{id}/clock")
    ModelAndView advanceClock(@PathVariable String id, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by, HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Subscription sub = ownedSubscription(session, id);
        if (sub.clockId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return subscriptionAction(id, request, response, "advanced", () -> {
            TestClock clockOf = this.clocks.find(session.partnerId(), sub.clockId());
            this.clocks.advance(session.partnerId(), clockOf.id(), advancedTo(clockOf.frozenAt(), to, by));
        });
    }

    /** Where a clock at {@code from} is to go: the chosen time, or a step ahead of it. */
    private static Instant advancedTo(Instant from, String to, String by) {
        if (by != null && !by.isBlank()) {
            ZonedDateTime at = from.atZone(KoreanTime.ZONE);
            ZonedDateTime next = switch (by) {
                case "P1D" -> at.plusDays(1);
                case "P7D" -> at.plusDays(7);
                case "P1M" -> at.plusMonths(1);
                case "P1Y" -> at.plusYears(1);
                default -> throw new SubscriptionInput("invalid-clock");
            };
            return next.toInstant();
        }
        try {
            return LocalDateTime.parse(to == null ? "" : to.trim()).atZone(KoreanTime.ZONE).toInstant();
        }
        catch (DateTimeParseException malformed) {
            throw new SubscriptionInput("invalid-clock");
        }
    }

    /** A console form's input the subscription actions cannot use. */
    private static final class SubscriptionInput extends RuntimeException {

        private final String code;

        SubscriptionInput(String code) {
            super(code, null, false, false);
            this.code = code;
        }

    }

    /**
     * Runs a subscription action: back to the subscription's page with a notice, or the
     * page again with the refusal in the page's language (422).
     */
    private ModelAndView subscriptionAction(String id, HttpServletRequest request, HttpServletResponse response,
            String done, Runnable action) {
        String failure;
        try {
            action.run();
            return new ModelAndView("redirect:/console/subscriptions/"
                    + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "?done=" + done);
        }
        catch (SubscriptionRefused refused) {
            if (refused.kind() == kr.gyeol.shared.Refused.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            failure = "subscription." + refused.code();
            ModelAndView page = subscription(id, request, response);
            String text = text(page.getModel(), failure);
            page.addObject("error", text.equals(failure) ? refused.getMessage() : text);
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return page;
        }
        catch (SubscriptionInput invalid) {
            ModelAndView page = subscription(id, request, response);
            page.addObject("error", text(page.getModel(), "subscription." + invalid.code));
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return page;
        }
    }

    private Subscription ownedSubscription(ConsoleSession session, String id) {
        try {
            return this.subscriptions.find(session.partnerId(), id);
        }
        catch (SubscriptionRefused notFound) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/console/links")
    ModelAndView links(@RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "links");
        int shown = Math.max(0, page);
        List<PaymentLink> found = this.links.list(session.partnerId(), PAGE + 1, shown * PAGE);
        model.put("links", pageOf(model, "/console/links", shown, found).stream().map((link) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("key", link.key());
            row.put("orderId", link.orderId().value());
            row.put("goods", link.goods());
            row.put("amount", won(link.amount()));
            row.put("expiresOn", link.expiresOn() == null ? "" : link.expiresOn().format(DAY));
            row.put("createdAt", time(link.createdAt()));
            row.put("expired", this.links.expired(link));
            return row;
        }).toList());
        return new ModelAndView("console/links", model);
    }

    @GetMapping("/console/cash-receipts")
    ModelAndView cashReceipts(@RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "receipts");
        int shown = Math.max(0, page);
        List<CashReceipt> found = this.receipts.list(session.partnerId(), PAGE + 1, shown * PAGE);
        model.put("receipts", pageOf(model, "/console/cash-receipts", shown, found).stream().map((receipt) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("number", receipt.number());
            row.put("payment", receipt.paymentId().value());
            row.put("status", label(model, "receiptStatus", receipt.status()));
            row.put("use", label(model, "receiptUse", receipt.use()));
            row.put("identity", receipt.maskedIdentity());
            row.put("amount", won(receipt.amount()));
            row.put("issuedAt", time(receipt.issuedAt()));
            row.put("cancelledAt", receipt.cancelledAt() == null ? "" : time(receipt.cancelledAt()));
            return row;
        }).toList());
        return new ModelAndView("console/cash-receipts", model);
    }

    // Settings.

    @GetMapping("/console/settings")
    ModelAndView settings(HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "settings");
        this.partners.partner(session.partnerId()).ifPresent((partner) -> {
            model.put("mode", label(model, "partnerMode", partner.mode()));
            model.put("refererCheck", partner.refererCheck().name());
            model.put("clientKey", partner.clientKey());
            model.put("domains", partner.domains());
            model.put("previousKeyAccepted", partner.previousSecretHash() != null);
        });
        model.put("allowedIps",
                this.configured.partners()
                    .stream()
                    .filter((entry) -> session.partnerId().value().equals(entry.id()))
                    .flatMap((entry) -> entry.gpayAllowedIps().stream())
                    .toList());
        Optional<WebhookEndpoint> endpoint = this.endpoints.find(session.partnerId());
        model.put("resultUrl", endpoint.map(WebhookEndpoint::resultUrl).orElse(null));
        model.put("revocationUrl", endpoint.map(WebhookEndpoint::revocationUrl).orElse(null));
        WebhookFormat format = endpoint.map(WebhookEndpoint::format).orElse(WebhookFormat.JSON);
        model.put("formats", options(WebhookFormat.values(), format));
        model.put("previousSigns", endpoint.map((found) -> found.previousSecret() != null).orElse(false));
        return new ModelAndView("console/settings", model);
    }

    @PostMapping("/console/settings/webhooks")
    ModelAndView saveWebhooks(@RequestParam(required = false) String resultUrl,
            @RequestParam(required = false) String revocationUrl, @RequestParam(required = false) String format,
            HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        String failure = null;
        WebhookFormat chosen = parse(WebhookFormat.class, format);
        Optional<String> refused = this.endpoints.refusal(session.partnerId(), resultUrl, revocationUrl);
        if (chosen == null) {
            failure = "format is JSON or FORM";
        }
        else if (refused.isPresent()) {
            failure = refused.get();
        }
        else {
            try {
                this.endpoints.configure(session.partnerId(), blankToNull(resultUrl), blankToNull(revocationUrl),
                        chosen, null);
            }
            catch (IllegalArgumentException invalid) {
                failure = invalid.getMessage();
            }
        }
        if (failure == null) {
            return new ModelAndView("redirect:/console/settings?done=saved");
        }
        ModelAndView page = settings(request, response);
        page.addObject("error", failure);
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page;
    }

    /**
     * A new partner key (custKey), shown once on the page that answers the rotation; the
     * old key is still accepted for the chosen overlap.
     */
    @PostMapping("/console/settings/key")
    ModelAndView rotateKey(@RequestParam(required = false) String overlap, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        String key = this.partners.rotateSecret(session.partnerId(), overlap(overlap))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ModelAndView page = settings(request, response);
        page.addObject("newKey", key);
        return page;
    }

    /**
     * The overlap a rotation form chose: none, an hour, a day (the default) or a week.
     */
    private static Duration overlap(String chosen) {
        return switch (chosen == null ? "" : chosen) {
            case "0" -> Duration.ZERO;
            case "1h" -> Duration.ofHours(1);
            case "7d" -> Duration.ofDays(7);
            default -> Duration.ofDays(1);
        };
    }

    /** A new signing secret, shown once on the page that answers the rotation. */
    @PostMapping("/console/settings/webhooks/secret")
    ModelAndView rotateSecret(@RequestParam(required = false) String overlap, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        WebhookEndpoint rotated = this.endpoints.rotateSecret(session.partnerId(), overlap(overlap));
        ModelAndView page = settings(request, response);
        page.addObject("newSecret", rotated.secret());
        return page;
    }

    // Operators.

    @GetMapping("/console/operator")
    ModelAndView choosePartner(HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        if (!session.operates()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> model = texts(request, response);
        model.put("csrf", session.csrfToken());
        model.put("operator", session.operator());
        model.put("partner", session.partnerId() == null ? null : session.partnerId().value());
        model.put("partners", this.partners.partners()
            .stream()
            .map((partner) -> Map.of("id", partner.id().value(), "mode", label(model, "partnerMode", partner.mode()),
                    "current", partner.id().equals(session.partnerId())))
            .toList());
        return new ModelAndView("console/operator", model);
    }

    @PostMapping("/console/operator/partner")
    String actFor(@RequestParam(name = "partner", required = false) String partner, HttpServletRequest request) {
        ConsoleSession session = session(request);
        if (!session.operates() || !this.sessions.actFor(ConsoleAccess.token(request).orElse(null), partner)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console";
    }

    /** What cannot be found (or is another partner's) is a page of the console's own. */
    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView notFound(ResponseStatusException failure, HttpServletRequest request, HttpServletResponse response) {
        ModelAndView page = new ModelAndView("console/not-found", texts(request, response));
        page.setStatus(failure.getStatusCode());
        return page;
    }

    // Helpers.

    /** Today in Korea, by the gateway's clock. */
    private LocalDate today() {
        return LocalDate.now(this.clock.withZone(KoreanTime.ZONE));
    }

    private static ConsoleSession session(HttpServletRequest request) {
        return (ConsoleSession) request.getAttribute(ConsoleAccess.SESSION);
    }

    private Payment owned(ConsoleSession session, String id) {
        Optional<Payment> payment;
        try {
            payment = this.payments.findById(PaymentId.of(id));
        }
        catch (IllegalArgumentException malformed) {
            payment = Optional.empty();
        }
        return payment.filter((found) -> found.partnerId().equals(session.partnerId()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Map<String, Object> texts(HttpServletRequest request, HttpServletResponse response) {
        String language = ConsoleTexts.language(request, response);
        Map<String, Object> model = new HashMap<>();
        model.put("t", ConsoleTexts.of(language));
        model.put("lang", language);
        model.put("otherLang", "ko".equals(language) ? "en" : "ko");
        return model;
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> model, String key) {
        return ((Map<String, String>) model.get("t")).getOrDefault(key, key);
    }

    private static Map<String, Object> page(HttpServletRequest request, HttpServletResponse response, String section) {
        ConsoleSession session = session(request);
        Map<String, Object> model = texts(request, response);
        model.put("csrf", session.csrfToken());
        model.put("partner", session.partnerId().value());
        model.put("operator", session.operator());
        model.put("section_" + section, true);
        String done = request.getParameter("done");
        if (done != null && done.matches("[a-z]{1,20}")) {
            model.put("notice", text(model, "done." + done));
        }
        return model;
    }

    private static List<Map<String, Object>> events(Map<String, Object> model, List<WebhookHistory> entries) {
        return entries.stream().map((entry) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", entry.id());
            row.put("type", label(model, "event", entry.type()));
            row.put("status", entry.status().name());
            row.put("statusText", label(model, "webhookStatus", entry.status()));
            row.put("createdAt", time(entry.createdAt()));
            row.put("attempts", entry.attempts()
                .stream()
                .map((attempt) -> Map.of("number", attempt.number(), "at", time(attempt.attemptedAt()), "result",
                        attempt.statusCode() != null ? "HTTP " + attempt.statusCode() : String.valueOf(attempt.error()),
                        "latency", attempt.latencyMillis() + " ms"))
                .toList());
            return row;
        }).toList();
    }

    private static Map<String, Object> row(Map<String, Object> model, Payment payment) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", payment.id().value());
        row.put("orderId", payment.orderId().value());
        row.put("status", payment.status().name());
        row.put("statusText", label(model, "paymentStatus", payment.status()));
        row.put("approved", payment.status() == PaymentStatus.APPROVED);
        row.put("instrument", label(model, "instrument", payment.instrument()));
        row.put("masked", payment.maskedNumber());
        row.put("institution", payment.institutionName());
        row.put("payer", payment.payer() == null ? null : payment.payer().name());
        row.put("amount", money(payment.amount().amount(), payment.amount()));
        row.put("api", payment.api().name());
        row.put("requestedAt", time(payment.requestedAt()));
        return row;
    }

    private static String time(Instant instant) {
        return ZonedDateTime.ofInstant(instant, KoreanTime.ZONE).format(TIME);
    }

    private static String won(long amount) {
        return NumberFormat.getIntegerInstance(Locale.KOREA).format(amount) + " KRW";
    }

    /** An amount in the minor unit of {@code like}'s currency. */
    private static String money(long amount, Money like) {
        int digits = like.currency().getDefaultFractionDigits();
        if (digits <= 0) {
            return NumberFormat.getIntegerInstance(Locale.KOREA).format(amount) + " " + like.currency();
        }
        return String.format(Locale.ROOT, "%d.%0" + digits + "d %s", amount / 100, Math.abs(amount % 100),
                like.currency());
    }

    /**
     * The rows of page {@code shown} of a list fetched one row longer than a page, with
     * the links to the pages around it and whether there is nothing at all.
     */
    private static <T> List<T> pageOf(Map<String, Object> model, String path, int shown, List<T> fetched) {
        model.put("none", fetched.isEmpty());
        if (shown > 0) {
            model.put("previous", path + "?page=" + (shown - 1));
        }
        if (fetched.size() > PAGE) {
            model.put("next", path + "?page=" + (shown + 1));
        }
        return fetched.stream().limit(PAGE).toList();
    }

    private static <E extends Enum<E>> List<Map<String, Object>> options(E[] values, E chosen) {
        return java.util.Arrays.stream(values)
            .map((value) -> Map.<String, Object>of("value", value.name(), "label", value.name(), "selected",
                    value == chosen))
            .toList();
    }

    /** A choice of every value, each shown in the page's language. */
    private static <E extends Enum<E>> List<Map<String, Object>> options(Map<String, Object> model, String group,
            E[] values, E chosen) {
        return java.util.Arrays.stream(values)
            .map((value) -> Map.<String, Object>of("value", value.name(), "label", label(model, group, value),
                    "selected", value == chosen))
            .toList();
    }

    /**
     * A value's name in the page's language ({@code group.VALUE} in the console's texts),
     * or the value itself when it has none: a decline reason from an acquirer the texts
     * do not know is still shown.
     */
    private static String label(Map<String, Object> model, String group, Object value) {
        String name = value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
        return text(model, group + "." + name).equals(group + "." + name) ? name : text(model, group + "." + name);
    }

    /** "1개월마다", "every 2 week(s)". */
    private static String interval(Map<String, Object> model, BillingInterval interval) {
        return text(model, "intervalPattern").replace("{count}", Integer.toString(interval.count()))
            .replace("{unit}", label(model, "unit", interval.unit()));
    }

    private static String link(String path, Map<String, String> query, int page) {
        StringBuilder link = new StringBuilder(path).append("?page=").append(page);
        query.forEach((name, value) -> link.append('&')
            .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
            .append('=')
            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return link.toString();
    }

    private static Optional<LocalDate> day(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim(), DAY));
        }
        catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        }
        catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Long amount(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replace(",", "").trim();
        return digits.matches("[0-9]{1,15}") ? Long.parseLong(digits) : null;
    }

    private static int integer(String value) {
        return value != null && value.matches("[0-9]{1,6}") ? Integer.parseInt(value) : 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
