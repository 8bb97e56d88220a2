package kr.gyeol.client;

import java.time.Instant;

/** A test clock: the frozen time the subscriptions attached to it live by. */
public record TestClock(String id, String name, Instant frozenTime, Instant createdAt) {
}
