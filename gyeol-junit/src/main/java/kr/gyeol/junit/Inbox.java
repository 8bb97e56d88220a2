package kr.gyeol.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
            Instant receivedAt, Integer forwardedStatus) {
    }

    private static final List<String> SIGNATURE_HEADERS = List.of("webhook-id", "webhook-timestamp",
            "webhook-signature");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private volatile URI forwardTo;

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

    /**
     * Also hands every delivery to {@code url} (the shop's own webhook receiver, e.g. the
     * {@code @SpringBootTest}'s port), with its body and signature headers as they came;
     * the gateway hears the receiver's status, so a receiver that fails is retried as in
     * production.
     */
    public void forwardTo(String url) {
        this.forwardTo = URI.create(url);
    }

    /** Records a delivery; the status to answer the gateway with. */
    int accept(Function<String, String> headers, String contentType, String body) {
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
        Integer forwarded = forward(headers, contentType, body);
        synchronized (this) {
            this.deliveries.add(new Delivery(headers.apply("webhook-id"), contentType, body, verified, event,
                    Instant.now(), forwarded));
            notifyAll();
        }
        return forwarded == null ? 200 : forwarded;
    }

    /** The receiver's status, 502 when it could not be reached, or null without one. */
    private Integer forward(Function<String, String> headers, String contentType, String body) {
        URI target = this.forwardTo;
        if (target == null) {
            return null;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (String name : SIGNATURE_HEADERS) {
            String value = headers.apply(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException unreachable) {
            return 502;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
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
