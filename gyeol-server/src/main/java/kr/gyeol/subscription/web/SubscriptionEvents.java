package kr.gyeol.subscription.web;

import java.util.Map;
import java.util.Optional;

import kr.gyeol.shared.EventPayloads;
import kr.gyeol.shared.EventType;
import kr.gyeol.subscription.SubscriptionHistory;

import org.springframework.stereotype.Component;

/**
 * The webhook body of a subscription event: the snapshot taken when it happened (its
 * {@code id} is the event's, {@code type} one of the {@code SUBSCRIPTION_…} events).
 */
@Component
class SubscriptionEvents implements EventPayloads {

    private final SubscriptionHistory history;

    SubscriptionEvents(SubscriptionHistory history) {
        this.history = history;
    }

    @Override
    public Optional<Map<String, ?>> render(EventType type, String subjectId, String baseUrl) {
        if (!type.name().startsWith("SUBSCRIPTION_")) {
            return Optional.empty();
        }
        return this.history.fields(subjectId).map((fields) -> fields);
    }

}
