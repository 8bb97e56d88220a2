package kr.gyeol.subscription.web;

import java.net.URI;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.SubscriptionId;
import kr.gyeol.subscription.Plans;
import kr.gyeol.subscription.SubscriptionHistory;
import kr.gyeol.subscription.SubscriptionStatus;
import kr.gyeol.subscription.Subscriptions;
import kr.gyeol.subscription.web.Views.EventView;
import kr.gyeol.subscription.web.Views.InvoiceView;
import kr.gyeol.subscription.web.Views.Listing;
import kr.gyeol.subscription.web.Views.SubscriptionView;
import kr.gyeol.web.JsonApi;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions of the recurring-billing API, with their invoices and events. */
@RestController
@JsonApi
class SubscriptionController {

    record Cancel(Boolean atPeriodEnd) {
    }

    record PlanChange(String planId) {
    }

    record KeyChange(String billingKey) {
    }

    private final Subscriptions subscriptions;

    private final SubscriptionHistory history;

    SubscriptionController(Subscriptions subscriptions, SubscriptionHistory history) {
        this.subscriptions = subscriptions;
        this.history = history;
    }

    @PostMapping("/v1/subscriptions")
    ResponseEntity<SubscriptionView> create(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestBody Subscriptions.NewSubscription request) {
        SubscriptionView created = SubscriptionView.of(this.subscriptions.create(partner, request));
        return ResponseEntity.created(URI.create("/v1/subscriptions/" + created.id())).body(created);
    }

    @GetMapping("/v1/subscriptions")
    Listing<SubscriptionView> list(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestParam(required = false) SubscriptionStatus status,
            @RequestParam(name = "testClock", required = false) String testClock,
            @RequestParam(defaultValue = "50") int limit) {
        return new Listing<>(this.subscriptions.list(partner, status, testClock, Limits.clamp(limit))
            .stream()
            .map(SubscriptionView::of)
            .toList());
    }

    @GetMapping("/v1/subscriptions/{id}")
    SubscriptionView find(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id) {
        return SubscriptionView.of(this.subscriptions.find(partner, SubscriptionId.of(id)));
    }

    @PostMapping("/v1/subscriptions/{id}/cancel")
    SubscriptionView cancel(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id,
            @RequestBody(required = false) Cancel request) {
        boolean atPeriodEnd = request != null && Boolean.TRUE.equals(request.atPeriodEnd());
        return SubscriptionView.of(this.subscriptions.cancel(partner, SubscriptionId.of(id), atPeriodEnd));
    }

    @PostMapping("/v1/subscriptions/{id}/pause")
    SubscriptionView pause(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id) {
        return SubscriptionView.of(this.subscriptions.pause(partner, SubscriptionId.of(id)));
    }

    @PostMapping("/v1/subscriptions/{id}/resume")
    SubscriptionView resume(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id) {
        return SubscriptionView.of(this.subscriptions.resume(partner, SubscriptionId.of(id)));
    }

    @PutMapping("/v1/subscriptions/{id}/plan")
    SubscriptionView changePlan(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id,
            @RequestBody PlanChange request) {
        return SubscriptionView.of(this.subscriptions.changePlan(partner, SubscriptionId.of(id),
                request.planId() == null ? null : Plans.idOf(request.planId())));
    }

    @PutMapping("/v1/subscriptions/{id}/billing-key")
    SubscriptionView changeBillingKey(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id,
            @RequestBody KeyChange request) {
        return SubscriptionView
            .of(this.subscriptions.changeBillingKey(partner, SubscriptionId.of(id), request.billingKey()));
    }

    @GetMapping("/v1/subscriptions/{id}/invoices")
    Listing<InvoiceView> invoices(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id,
            @RequestParam(defaultValue = "50") int limit) {
        return new Listing<>(this.subscriptions.invoices(partner, SubscriptionId.of(id), Limits.clamp(limit))
            .stream()
            .map(InvoiceView::of)
            .toList());
    }

    @GetMapping("/v1/subscriptions/{id}/events")
    Listing<EventView> events(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id,
            @RequestParam(defaultValue = "100") int limit) {
        return new Listing<>(this.subscriptions.events(partner, SubscriptionId.of(id), Limits.clamp(limit))
            .stream()
            .map((event) -> new EventView(event.id(), event.type().name(), event.occurredAt(),
                    this.history.fields(event)))
            .toList());
    }

}
