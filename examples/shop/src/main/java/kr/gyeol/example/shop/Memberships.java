package kr.gyeol.example.shop;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import kr.gyeol.client.webhook.WebhookEvent;

import org.springframework.stereotype.Component;

/**
 * The shop's memberships (in memory, as an example), kept by the subscription webhooks.
 */
@Component
public class Memberships {

    private final Map<String, Membership> memberships = new ConcurrentHashMap<>();

    void save(Membership membership) {
        this.memberships.put(membership.id(), membership);
    }

    public Optional<Membership> find(String id) {
        return Optional.ofNullable(this.memberships.get(id));
    }

    /** What a subscription webhook says of a membership. */
    void heard(WebhookEvent.SubscriptionEvent event) {
        this.memberships.computeIfPresent(event.subscriptionId(), (id, membership) -> switch (event.type()) {
            case "SUBSCRIPTION_RENEWED" -> membership.renewed(event.periodNumber(), event.periodEnd());
            case "SUBSCRIPTION_PAST_DUE", "SUBSCRIPTION_UNPAID", "SUBSCRIPTION_CANCELED" ->
                membership.with(event.status());
            default -> membership;
        });
    }

}
