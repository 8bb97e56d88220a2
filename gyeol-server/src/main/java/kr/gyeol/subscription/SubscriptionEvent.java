package kr.gyeol.subscription;

import kr.gyeol.shared.SubscriptionId;
import java.time.Instant;

import kr.gyeol.shared.EventType;

/**
 * Something that happened to a subscription, kept as its webhook tells it: {@code body}
 * is the JSON object delivered, a snapshot taken when it happened.
 */
public record SubscriptionEvent(String id, SubscriptionId subscriptionId, String partnerId, EventType type,
        Instant occurredAt, String body) {
}
