package kr.gyeol.client;

import java.time.Instant;
import java.util.Map;

/** Something that happened to a subscription, with the fields its webhook carried. */
public record SubscriptionEvent(String id, String type, Instant occurredAt, Map<String, String> fields) {
}
