package kr.gyeol.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

import kr.gyeol.client.webhook.WebhookEvent;
import kr.gyeol.client.webhook.WebhookVerificationException;
import kr.gyeol.client.webhook.Webhooks;

/**
 * A test partner's webhook receiver: every delivery the gateway made to it, its signature
 * checked with the partner's secret, in Payple's fields or Gyeol's (form or JSON), as
 * {@link WebhookEvent}s.
 */
public final class Inbox {

    /**
     * One delivery as it came.
     *
     * @param id the delivery's {@code webhook-id} (the same for every retry of one event)
     * @param verified whether its signature and age held
     * @param event what it reports
     */
    public record Delivery(String id, String contentType, String body, boolean verified, WebhookEvent event,
            Instant receivedAt) {
    }

    private final String url;

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private volatile Webhooks webhooks;

    Inbox(String url) {
        this.url = url;
    }

    /** Where the gateway delivers to. */
    public String url() {
        return this.url;
    }

    void verifyWith(String secret) {
        this.webhooks = new Webhooks(secret);
    }

    void accept(Function<String, String> headers, String contentType, String body) {
        boolean verified = false;
        Webhooks verifier = this.webhooks;
        if (verifier != null) {
            try {
                verifier.verify(headers, body);
                verified = true;
            }
            catch (WebhookVerificationException forged) {
                verified = false;
            }
        }
        WebhookEvent event;
        try {
            event = Webhooks.parse(body, contentType);
        }
        catch (IllegalArgumentException unreadable) {
            event = null;
        }
        synchronized (this) {
            this.deliveries
                .add(new Delivery(headers.apply("webhook-id"), contentType, body, verified, event, Instant.now()));
            notifyAll();
        }
    }

    /** Every delivery so far, in the order they came. */
    public List<Delivery> deliveries() {
        return List.copyOf(this.deliveries);
    }

    /** The verified events of a type so far, in the order they came. */
    public <T extends WebhookEvent> List<T> events(Class<T> type) {
        return this.deliveries.stream()
            .filter(Delivery::verified)
            .map(Delivery::event)
            .filter(type::isInstance)
            .map(type::cast)
            .toList();
    }

    /**
     * Waits for a verified event of {@code type} that {@code matching} accepts.
     * @return the first such event
     * @throws AssertionError when none came within {@code timeout}, naming what did
     */
    public <T extends WebhookEvent> T await(Class<T> type, Predicate<? super T> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (T event : events(type)) {
                    if (matching.test(event)) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No " + type.getSimpleName() + " as expected within " + timeout
                            + "; the inbox holds " + summary());
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted waiting for a webhook", e);
                }
            }
        }
    }

    private String summary() {
        return this.deliveries.isEmpty() ? "nothing" : this.deliveries.stream()
            .map((delivery) -> (delivery.event() == null ? "unreadable" : delivery.event().getClass().getSimpleName())
                    + (delivery.verified() ? "" : " (signature not verified)"))
            .toList()
            .toString();
    }

}
