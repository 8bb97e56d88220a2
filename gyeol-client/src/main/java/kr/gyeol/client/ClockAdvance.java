package kr.gyeol.client;

import java.time.Instant;

/**
 * A test clock after an advance: the steps the call took (renewals, retries, trial
 * endings) and how many due steps are still held elsewhere (normally none).
 */
public record ClockAdvance(String id, String name, Instant frozenTime, Instant createdAt, int steps, int stillDue) {
}
