package kr.gyeol.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import kr.gyeol.shared.ClaimedWork;
import kr.gyeol.shared.EventPayloads;
import kr.gyeol.webhook.jdbc.WebhookRepository;
import kr.gyeol.webhook.jdbc.WebhookRepository.AttemptRow;
import kr.gyeol.webhook.jdbc.WebhookRepository.EventRow;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due events: claims them a batch at a time under a lease ({@code FOR UPDATE
 * SKIP LOCKED}), so several nodes never attempt one event at once; POSTs the signed body;
 * records the attempt and the next one on the retry schedule. Any 2xx within the timeout
 * is delivered.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private static final int BATCH = 20;

    private final WebhookRepository repository;

    private final WebhookEndpoints endpoints;

    private final List<EventPayloads> payloads;

    private final RetrySchedule schedule;

    private final Clock clock;

    private final JsonMapper json;

    private final Environment environment;

    private final Duration timeout;

    private final Duration lease;

    private final String publicBaseUrl;

    private final HttpClient http;

    WebhookDispatcher(WebhookRepository repository, WebhookEndpoints endpoints, List<EventPayloads> payloads,
            Clock clock, JsonMapper json, Environment environment,
            @Value("${gyeol.webhooks.retry-schedule:1m,4m,16m,64m,256m,1024m,4096m}") List<Duration> waits,
            @Value("${gyeol.webhooks.jitter:0.1}") double jitter,
            @Value("${gyeol.webhooks.timeout:10s}") Duration timeout,
            @Value("${gyeol.public-base-url:}") String publicBaseUrl) {
        this.repository = repository;
        this.endpoints = endpoints;
        this.payloads = payloads;
        this.schedule = new RetrySchedule(waits, jitter);
        this.clock = clock;
        this.json = json;
        this.environment = environment;
        this.timeout = timeout;
        // Long enough that an attempt ends (or times out) before another node may take
        // it.
        this.lease = timeout.multipliedBy(6);
        this.publicBaseUrl = publicBaseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${gyeol.webhooks.interval:1s}", initialDelayString = "${gyeol.webhooks.interval:1s}")
    void scheduledRound() {
        try {
            deliverDue();
        }
        catch (RuntimeException ex) {
            log.error("Webhook round failed; the next round tries again", ex);
        }
    }

    /** Attempts every due event once; returns how many were delivered. */
    public int deliverDue() {
        return ClaimedWork.drain(BATCH, (size) -> {
            Instant now = this.clock.instant();
            return this.repository.claimDue(now, now.plus(this.lease), size);
        }, this::attempt);
    }

    private boolean attempt(EventRow event) {
        int number = event.attempts() + 1;
        Optional<WebhookEndpoint> endpoint = this.endpoints.find(event.partnerId());
        String url = endpoint.map((found) -> found.urlFor(event.type())).orElse(null);
        Instant attemptedAt = this.clock.instant();
        if (url == null) {
            return record(event, number, "(none)", attemptedAt, null, 0, "no receiver is configured");
        }
        if (endpoint.get().secret() == null) {
            return record(event, number, url, attemptedAt, null, 0,
                    "the signing secret cannot be opened with this node's vault keys; rotate it");
        }
        String body = event.body();
        String contentType = event.contentType();
        if (body == null) {
            Map<String, ?> fields = render(event).orElse(null);
            if (fields == null) {
                this.repository.recordAttempt(new AttemptRow(event.id(), number, url, attemptedAt, null, 0,
                        "the event's subject is gone", false), "FAILED", null);
                return false;
            }
            WebhookFormat format = endpoint.get().format();
            body = format == WebhookFormat.JSON ? this.json.writeValueAsString(fields) : form(fields);
            contentType = format.contentType();
            this.repository.saveBody(event.id(), body, contentType);
        }
        long timestamp = attemptedAt.getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                .timeout(this.timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "Gyeol-Webhooks/1")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        WebhookSignature.sign(endpoint.get().secret(), event.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        }
        catch (IllegalArgumentException ex) {
            return record(event, number, url, attemptedAt, null, 0, "invalid URL");
        }
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
            long latency = (System.nanoTime() - started) / 1_000_000;
            return record(event, number, url, attemptedAt, response.statusCode(), latency, null);
        }
        catch (IOException ex) {
            long latency = (System.nanoTime() - started) / 1_000_000;
            return record(event, number, url, attemptedAt, null, latency, ex.getClass().getSimpleName());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return record(event, number, url, attemptedAt, null, 0, "interrupted");
        }
    }

    private boolean record(EventRow event, int number, String url, Instant attemptedAt, Integer status, long latency,
            String error) {
        boolean delivered = status != null && status >= 200 && status < 300;
        Duration wait = delivered ? null : this.schedule.waitAfter(number);
        String next = delivered ? "DELIVERED" : wait == null ? "FAILED" : "PENDING";
        String failure = error != null ? error : delivered ? null : "HTTP " + status;
        boolean recorded = this.repository.recordAttempt(
                new AttemptRow(event.id(), number, url, attemptedAt, status, latency, failure, delivered), next,
                wait == null ? null : attemptedAt.plus(wait));
        if (!recorded) {
            log.warn("Attempt {} of webhook {} was already recorded by another node", number, event.id());
        }
        else if (next.equals("FAILED")) {
            log.warn("Webhook {} given up after {} attempts", event.id(), number);
        }
        return delivered && recorded;
    }

    private Optional<Map<String, ?>> render(EventRow event) {
        String baseUrl = baseUrl();
        for (EventPayloads renderer : this.payloads) {
            Optional<Map<String, ?>> fields = renderer.render(event.type(), event.subjectId(), baseUrl);
            if (fields.isPresent()) {
                return fields;
            }
        }
        return Optional.empty();
    }

    private String baseUrl() {
        if (this.publicBaseUrl != null && !this.publicBaseUrl.isBlank()) {
            return this.publicBaseUrl.replaceAll("/+$", "");
        }
        return "http://localhost:" + this.environment.getProperty("local.server.port",
                this.environment.getProperty("server.port", "8080"));
    }

    /**
     * Form fields; a nested map (the overseas {@code info}) gives its fields at the top
     * level.
     */
    private static String form(Map<String, ?> fields) {
        return fields.entrySet().stream().flatMap((field) -> {
            if (field.getValue() instanceof Map<?, ?> nested) {
                return nested.entrySet()
                    .stream()
                    .map((inner) -> Map.entry(String.valueOf(inner.getKey()), String.valueOf(inner.getValue())));
            }
            return java.util.stream.Stream.of(Map.entry(field.getKey(), String.valueOf(field.getValue())));
        })
            .map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

}
