package kr.gyeol.console.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.PlanId;
import kr.gyeol.shared.SubscriptionId;
import kr.gyeol.vault.Vault;
import kr.gyeol.subscription.Plan;
import kr.gyeol.subscription.Plans;
import kr.gyeol.subscription.Subscription;
import kr.gyeol.subscription.SubscriptionRefused;
import kr.gyeol.subscription.SubscriptionStatus;
import kr.gyeol.subscription.TestClock;
import kr.gyeol.subscription.TestClocks;
import kr.gyeol.subscription.Subscriptions;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import static kr.gyeol.console.web.ConsolePages.interval;
import static kr.gyeol.console.web.ConsolePages.label;
import static kr.gyeol.console.web.ConsolePages.money;
import static kr.gyeol.console.web.ConsolePages.page;
import static kr.gyeol.console.web.ConsolePages.session;
import static kr.gyeol.console.web.ConsolePages.text;
import static kr.gyeol.console.web.ConsolePages.time;

/**
 * Plans and subscriptions, a subscription's page and its actions.
 */
@Controller
class SubscriptionPages {

    private final Subscriptions subscriptions;

    private final Plans plans;

    private final TestClocks clocks;

    SubscriptionPages(Subscriptions subscriptions, Plans plans, TestClocks clocks) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.clocks = clocks;
    }

    /** A plan as its row shows it. */
    record PlanRow(String id, String name, String amount, String interval, int trialDays) {
    }

    /** A subscription as its row shows it: the billing key masked. */
    record SubscriptionRow(String id, String plan, String status, String key, int period, String periodEnd,
            String clock) {
    }

    /**
     * The test clock a subscription lives by; {@code input} is its time for the form's
     * field.
     */
    record ClockView(String clockId, String name, String at, String input) {
    }

    /** One period's invoice with every charge attempt. */
    record InvoiceRow(int period, String span, String amount, String status, String statusText, String nextRetryAt,
            List<AttemptRow> attempts) {
    }

    /** One charge of an invoice, linked to its payment when it made one. */
    record AttemptRow(int number, String orderId, String payment, String status, String reason, String at) {
    }

    /** Something that happened to the subscription, as its webhook told it. */
    record EventRow(String type, String at) {
    }

    @GetMapping("/console/subscriptions")
    ModelAndView subscriptions(HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "subscriptions");
        List<Plan> plansOf = this.plans.list(session.partnerId(), 200);
        Map<PlanId, String> planNames = plansOf.stream().collect(Collectors.toMap(Plan::id, Plan::name));
        model.put("plans", plansOf.stream()
            .map((plan) -> new PlanRow(plan.id().value(), plan.name(), money(plan.amount().amount(), plan.amount()),
                    interval(model, plan.interval()), plan.trialDays()))
            .toList());
        model.put("subscriptions",
                this.subscriptions.list(session.partnerId(), null, null, 200)
                    .stream()
                    .map((sub) -> new SubscriptionRow(sub.id().value(),
                            planNames.getOrDefault(sub.planId(), sub.planId().value()),
                            label(model, "subscriptionStatus", sub.status()), Vault.masked(sub.billingKeyId()),
                            sub.periodNumber(), time(sub.periodEnd()), sub.clockId()))
                    .toList());
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
        // A subscription's plan is the partner's (a foreign key, and subscribing checks
        // it).
        Plan plan = this.plans.find(session.partnerId(), sub.planId());
        model.put("id", sub.id().value());
        model.put("plan", plan.name());
        model.put("planAmount", money(plan.amount().amount(), plan.amount()));
        model.put("planInterval", interval(model, plan.interval()));
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
                    new ClockView(clockOf.id(), clockOf.name() == null ? "" : clockOf.name(), time(clockOf.frozenAt()),
                            LocalDateTime.ofInstant(clockOf.frozenAt(), KoreanTime.ZONE)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString()));
        }
        model
            .put("invoices",
                    this.subscriptions.invoices(session.partnerId(), sub.id(), 100)
                        .stream()
                        .map((invoice) -> new InvoiceRow(invoice.periodNumber(),
                                time(invoice.periodStart()) + " ~ " + time(invoice.periodEnd()),
                                money(invoice.amount().amount(), invoice.amount()), invoice.status().name(),
                                label(model, "invoiceStatus", invoice.status()),
                                invoice.nextRetryAt() == null ? null : time(invoice.nextRetryAt()),
                                invoice.history() == null ? List.of() : invoice.history()
                                    .stream()
                                    .map((attempt) -> new AttemptRow(attempt.number(), attempt.orderId(),
                                            attempt.paymentId(), label(model, "attemptStatus", attempt.status()),
                                            attempt.declineReason() == null ? null
                                                    : label(model, "declineReason", attempt.declineReason()),
                                            time(attempt.attemptedAt())))
                                    .toList()))
                        .toList());
        model.put("events",
                this.subscriptions.events(session.partnerId(), sub.id(), 200)
                    .stream()
                    .map((event) -> new EventRow(label(model, "event", event.type()), time(event.occurredAt())))
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
            return this.subscriptions.find(session.partnerId(), SubscriptionId.of(id));
        }
        catch (SubscriptionRefused notFound) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

}
