package kr.gyeol.subscription;

import kr.gyeol.shared.SubscriptionId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kr.gyeol.shared.EventType;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.Tokens;
import kr.gyeol.subscription.jdbc.SubscriptionEventRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happened to subscriptions: each event is kept with a snapshot of its fields and
 * handed to the webhook outbox in the same transaction, so the partner hears of exactly
 * the changes that committed, as they were then.
 */
@Component
public class SubscriptionHistory {

    private final SubscriptionEventRepository events;

    private final Outbox outbox;

    private final JsonMapper json;

    SubscriptionHistory(SubscriptionEventRepository events, Outbox outbox, JsonMapper json) {
        this.events = events;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Records an event about {@code s} at {@code at}, with the invoice and attempt it
     * concerns, if any.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(EventType type, Subscription s, Instant at, Invoice invoice, Invoice.Attempt attempt) {
        String id = "sev_" + Tokens.urlSafe(18);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type.name());
        body.put("occurredAt", at.toString());
        body.put("subscriptionId", s.id().value());
        body.put("status", s.status().name());
        body.put("planId", s.planId().value());
        body.put("billingKey", s.billingKeyId().value());
        body.put("periodNumber", String.valueOf(s.periodNumber()));
        body.put("periodStart", s.periodStart().toString());
        body.put("periodEnd", s.periodEnd().toString());
        if (s.trialEnd() != null) {
            body.put("trialEnd", s.trialEnd().toString());
        }
        if (s.clockId() != null) {
            body.put("testClock", s.clockId());
        }
        if (invoice != null) {
            body.put("invoiceId", invoice.id().value());
            body.put("invoicePeriod", String.valueOf(invoice.periodNumber()));
            body.put("amount", String.valueOf(invoice.amount().amount()));
            body.put("currency", invoice.amount().currency().getCurrencyCode());
            if (invoice.nextRetryAt() != null) {
                body.put("nextRetryAt", invoice.nextRetryAt().toString());
            }
        }
        if (attempt != null) {
            body.put("attempt", String.valueOf(attempt.number()));
            body.put("orderId", attempt.orderId());
            if (attempt.paymentId() != null) {
                body.put("paymentId", attempt.paymentId());
            }
            if (attempt.declineReason() != null) {
                body.put("declineReason", attempt.declineReason());
            }
        }
        this.events.insert(
                new SubscriptionEvent(id, s.id(), s.partnerId().value(), type, at, this.json.writeValueAsString(body)));
        this.outbox.record(s.partnerId(), type, id);
    }

    /** A subscription's events, oldest first. */
    public List<SubscriptionEvent> of(SubscriptionId subscriptionId, int limit) {
        return this.events.ofSubscription(subscriptionId, limit);
    }

    /** An event's fields as its webhook delivers them. */
    public Optional<Map<String, String>> fields(String eventId) {
        return this.events.find(eventId).map(this::fields);
    }

    public Map<String, String> fields(SubscriptionEvent event) {
        return this.json.readValue(event.body(), new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

}
