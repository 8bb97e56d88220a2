package kr.gyeol.junit;

import java.time.Duration;

/**
 * A fault to arm on this test's partner's webhooks: its next event (or the next
 * {@link #times(int) several}, of {@link #forEventType(String) one type} or any) is
 * delayed, fails its first attempts, is delivered twice, or is held back until a later
 * event was delivered.
 *
 * <pre>{@code
 * gyeol.arm(WebhookFault.deliverTwice());               // the receiver must handle it once
 * gyeol.arm(WebhookFault.fail(2).retryingAfter(Duration.ofMillis(200)));
 * gyeol.arm(WebhookFault.outOfOrder().forEventType("PAYMENT"));
 * }</pre>
 *
 * @param kind {@code DELAY}, {@code FAIL}, {@code DUPLICATE} or {@code OUT_OF_ORDER}
 * @param eventType the type of event it takes ({@code PAYMENT}, {@code CANCEL},
 * {@code BILLING_KEY_REGISTERED}, …), or null for any
 * @param delay a delay's wait, a failure's wait before the next attempt, an out-of-order
 * event's longest hold; or null
 * @param failures how many attempts a failure fails
 * @param count how many events it takes
 */
public record WebhookFault(String kind, String eventType, Duration delay, Integer failures, int count) {

    /** The event's first attempt waits {@code delay}. */
    public static WebhookFault delay(Duration delay) {
        return new WebhookFault("DELAY", null, delay, null, 1);
    }

    /**
     * The event's first {@code attempts} attempts fail without reaching the receiver, and
     * are retried as the gateway's retry schedule says (or
     * {@link #retryingAfter(Duration)}).
     */
    public static WebhookFault fail(int attempts) {
        return new WebhookFault("FAIL", null, null, attempts, 1);
    }

    /** The event is delivered twice: the same id, body and signature. */
    public static WebhookFault deliverTwice() {
        return new WebhookFault("DUPLICATE", null, null, null, 1);
    }

    /**
     * The event is held back until a later event of the partner was delivered (at most 30
     * s, or {@link #holdingAtMost(Duration)}), then sent.
     */
    public static WebhookFault outOfOrder() {
        return new WebhookFault("OUT_OF_ORDER", null, null, null, 1);
    }

    /** A failure's wait before each next attempt, instead of the retry schedule's. */
    public WebhookFault retryingAfter(Duration wait) {
        return new WebhookFault(this.kind, this.eventType, wait, this.failures, this.count);
    }

    /** An out-of-order event's longest hold. */
    public WebhookFault holdingAtMost(Duration hold) {
        return new WebhookFault(this.kind, this.eventType, hold, this.failures, this.count);
    }

    /** The same fault for events of one type only. */
    public WebhookFault forEventType(String type) {
        return new WebhookFault(this.kind, type, this.delay, this.failures, this.count);
    }

    /** The same fault for the next {@code events} events. */
    public WebhookFault times(int events) {
        return new WebhookFault(this.kind, this.eventType, this.delay, this.failures, events);
    }

}
