package kr.gyeol.subscription;

import java.time.Instant;

import kr.gyeol.shared.PartnerId;

/** A test-mode partner's frozen time, which the subscriptions attached to it live by. */
public record TestClock(String id, PartnerId partnerId, String name, Instant frozenAt, Instant createdAt) {
}
