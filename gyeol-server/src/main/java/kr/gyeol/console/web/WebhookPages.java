package kr.gyeol.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.shared.WebhookEventId;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentSearch;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.refund.RefundService;
import kr.gyeol.shared.EventType;
import kr.gyeol.webhook.WebhookEndpoint;
import kr.gyeol.webhook.WebhookEndpoints;
import kr.gyeol.webhook.WebhookHistory;
import kr.gyeol.webhook.WebhookLog;
import kr.gyeol.webhook.WebhookStatus;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import static kr.gyeol.console.web.ConsolePages.PAGE;
import static kr.gyeol.console.web.ConsolePages.blankToNull;
import static kr.gyeol.console.web.ConsolePages.events;
import static kr.gyeol.console.web.ConsolePages.integer;
import static kr.gyeol.console.web.ConsolePages.pageLinks;
import static kr.gyeol.console.web.ConsolePages.options;
import static kr.gyeol.console.web.ConsolePages.page;
import static kr.gyeol.console.web.ConsolePages.parse;
import static kr.gyeol.console.web.ConsolePages.session;

/**
 * The webhook receivers and the delivery log, with replay.
 */
@Controller
class WebhookPages {

    private final Clock clock;

    private final PaymentService payments;

    private final RefundService refunds;

    private final WebhookLog webhooks;

    private final WebhookEndpoints endpoints;

    WebhookPages(Clock clock, PaymentService payments, RefundService refunds, WebhookLog webhooks,
            WebhookEndpoints endpoints) {
        this.clock = clock;
        this.payments = payments;
        this.refunds = refunds;
        this.webhooks = webhooks;
        this.endpoints = endpoints;
    }

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
        pageLinks(model, "/console/webhooks", query, page, found.size());
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
            this.refunds.of(payment.id()).forEach((refund) -> subjects.add(refund.id().value()));
        }
        return subjects;
    }

    @PostMapping("/console/webhooks/events/{id}/replay")
    String replay(@PathVariable String id, HttpServletRequest request) {
        ConsoleSession session = session(request);
        if (!this.webhooks.replay(session.partnerId(), WebhookEventId.of(id))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console/webhooks?done=replayed";
    }

}
