package kr.gyeol.webhook;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import kr.gyeol.shared.EventPayloads;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.webhook.jdbc.WebhookRepository;
import kr.gyeol.webhook.jdbc.WebhookRepository.AttemptRow;
import kr.gyeol.webhook.jdbc.WebhookRepository.EventRow;
import tools.jackson.databind.json.JsonMapper;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due events. Each round claims them under a lease of their own ({@code FOR
 * UPDATE SKIP LOCKED}, with a token per claim), renews an event's lease right before its
 * POST and bounds the POST by the timeout, so a lease always outlives its send and no
 * other node sends the event meanwhile. Sends run concurrently on virtual threads, at
 * most {@code gyeol.webhooks.concurrency} in all and {@code
 * gyeol.webhooks.concurrency-per-receiver} per partner, so one slow receiver holds up
 * only its own events; a round stops claiming after {@code gyeol.webhooks.round-budget}.
 * Any 2xx within the timeout is delivered.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private static final int BATCH = 20;

    private final WebhookRepository repository;

    private final WebhookEndpoints endpoints;

    private final List<EventPayloads> payloads;

    private final ReceiverAddresses addresses;

    private final RetrySchedule schedule;

    private final Clock clock;

    private final JsonMapper json;

    private final Environment environment;

    private final Duration timeout;

    private final Duration lease;

    private final String publicBaseUrl;

    private final HttpClient http;

    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    private final Semaphore slots;

    private final int perReceiver;

    private final Map<PartnerId, Semaphore> receivers = new ConcurrentHashMap<>();

    private final Duration roundBudget;

    private final WebhookMetrics metrics;

    WebhookDispatcher(WebhookRepository repository, WebhookEndpoints endpoints, List<EventPayloads> payloads,
            ReceiverAddresses addresses, Clock clock, JsonMapper json, Environment environment, WebhookMetrics metrics,
            @Value("${gyeol.webhooks.retry-schedule:1m,4m,16m,64m,256m,1024m,4096m}") List<Duration> waits,
            @Value("${gyeol.webhooks.jitter:0.1}") double jitter,
            @Value("${gyeol.webhooks.timeout:10s}") Duration timeout,
            @Value("${gyeol.public-base-url:}") String publicBaseUrl,
            @Value("${gyeol.webhooks.concurrency:32}") int concurrency,
            @Value("${gyeol.webhooks.concurrency-per-receiver:4}") int perReceiver,
            @Value("${gyeol.webhooks.round-budget:5s}") Duration roundBudget) {
        this.repository = repository;
        this.endpoints = endpoints;
        this.payloads = payloads;
        this.addresses = addresses;
        this.schedule = new RetrySchedule(waits, jitter);
        this.clock = clock;
        this.json = json;
        this.environment = environment;
        this.timeout = timeout;
        // Long enough that an attempt ends (or times out) before another node may take
        // it.
        this.lease = timeout.multipliedBy(6);
        this.publicBaseUrl = publicBaseUrl;
        this.http = HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(this.senders)
            .build();
        this.slots = new Semaphore(concurrency);
        this.perReceiver = perReceiver;
        this.roundBudget = roundBudget;
        this.metrics = metrics;
    }

    @PreDestroy
    void stopSending() {
        this.senders.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${gyeol.webhooks.interval:1s}", initialDelayString = "${gyeol.webhooks.interval:1s}")
    void scheduledRound() {
        try {
            // The round starts the sends and returns: they finish on their own threads
            // while the next round claims what has become due.
            startRound();
        }
        catch (RuntimeException ex) {
            log.error("Webhook round failed; the next round tries again: {}", ex.toString());
        }
    }

    /**
     * Attempts every due event once and waits for the attempts, round after round until
     * nothing due is left that a free receiver could take; returns how many were
     * delivered. For tests and operators: the scheduled rounds do not wait.
     */
    public int deliverDue() {
        int delivered = 0;
        while (true) {
            List<Future<Boolean>> round = startRound();
            if (round.isEmpty()) {
                return delivered;
            }
            for (Future<Boolean> send : round) {
                try {
                    if (send.get()) {
                        delivered++;
                    }
                }
                catch (ExecutionException ex) {
                    log.error("A webhook attempt failed unexpectedly: {}", ex.getCause().toString());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return delivered;
                }
            }
        }
    }

    /**
     * Claims due events while there are free send slots and the round's budget lasts, and
     * starts a send for each; an event whose receiver is at its cap goes back, due.
     */
    private List<Future<Boolean>> startRound() {
        long deadline = System.nanoTime() + this.roundBudget.toNanos();
        List<Future<Boolean>> started = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            int free = Math.min(this.slots.availablePermits(), BATCH);
            if (free == 0) {
                break;
            }
            Set<PartnerId> busy = this.receivers.entrySet()
                .stream()
                .filter((receiver) -> receiver.getValue().availablePermits() == 0)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
            String token = Tokens.urlSafe(12);
            Instant now = this.clock.instant();
            List<EventRow> claimed = this.repository.claimDue(now, now.plus(this.lease), free, token, busy);
            int launched = 0;
            for (EventRow event : claimed) {
                Semaphore receiver = this.receivers.computeIfAbsent(event.partnerId(),
                        (partner) -> new Semaphore(this.perReceiver));
                if (!receiver.tryAcquire()) {
                    this.repository.release(event.id(), token, now);
                    continue;
                }
                if (!this.slots.tryAcquire()) {
                    receiver.release();
                    this.repository.release(event.id(), token, now);
                    continue;
                }
                launched++;
                started.add(this.senders.submit(() -> {
                    try {
                        return attempt(event, token);
                    }
                    finally {
                        receiver.release();
                        this.slots.release();
                    }
                }));
            }
            if (claimed.size() < free || launched == 0) {
                break;
            }
        }
        return started;
    }

    private boolean attempt(EventRow event, String token) {
        if (!this.repository.renewLease(event.id(), token, this.clock.instant().plus(this.lease))) {
            log.warn("The lease of webhook {} ran out before its attempt; another node has it", event.id());
            return false;
        }
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
        Optional<String> refused = this.addresses.refusal(event.partnerId(), url);
        if (refused.isPresent()) {
            return record(event, number, url, attemptedAt, null, 0, refused.get());
        }
        String body = event.body();
        String contentType = event.contentType();
        if (body == null) {
            Map<String, ?> fields = render(event).orElse(null);
            if (fields == null) {
                this.repository.recordAttempt(new AttemptRow(event.id(), number, url, attemptedAt, null, 0,
                        "the event's subject is gone", false), WebhookStatus.FAILED, null);
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
                .header("webhook-signature", signatures(endpoint.get(), event.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        }
        catch (IllegalArgumentException ex) {
            return record(event, number, url, attemptedAt, null, 0, "invalid URL");
        }
        long started = System.nanoTime();
        // The request timeout covers the answer's headers only; the whole exchange,
        // body included, is bounded here so that it always ends within the lease.
        CompletableFuture<HttpResponse<Void>> exchange = this.http.sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = exchange.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
            long latency = (System.nanoTime() - started) / 1_000_000;
            return record(event, number, url, attemptedAt, response.statusCode(), latency, null);
        }
        catch (TimeoutException ex) {
            exchange.cancel(true);
            long latency = (System.nanoTime() - started) / 1_000_000;
            return record(event, number, url, attemptedAt, null, latency, "HttpTimeoutException");
        }
        catch (ExecutionException ex) {
            long latency = (System.nanoTime() - started) / 1_000_000;
            return record(event, number, url, attemptedAt, null, latency, ex.getCause().getClass().getSimpleName());
        }
        catch (InterruptedException ex) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return record(event, number, url, attemptedAt, null, 0, "interrupted");
        }
    }

    private boolean record(EventRow event, int number, String url, Instant attemptedAt, Integer status, long latency,
            String error) {
        boolean delivered = status != null && status >= 200 && status < 300;
        Duration wait = delivered ? null : this.schedule.waitAfter(number);
        WebhookStatus next = delivered ? WebhookStatus.DELIVERED
                : wait == null ? WebhookStatus.FAILED : WebhookStatus.PENDING;
        String failure = error != null ? error : delivered ? null : "HTTP " + status;
        boolean recorded = this.repository.recordAttempt(
                new AttemptRow(event.id(), number, url, attemptedAt, status, latency, failure, delivered), next,
                wait == null ? null : attemptedAt.plus(wait));
        if (!recorded) {
            log.warn("Attempt {} of webhook {} was already recorded by another node", number, event.id());
            return false;
        }
        this.metrics.attempted(next, latency, status != null);
        if (next == WebhookStatus.FAILED) {
            log.warn("Webhook {} given up after {} attempts", event.id(), number);
        }
        else {
            log.info("Webhook {} ({}) attempt {}: {}", event.id(), event.type(), number,
                    delivered ? "delivered" : failure + ", next try in " + wait);
        }
        return delivered;
    }

    /**
     * The signature by the secret, and during a rotation's overlap also by the one it
     * replaced, space-separated as Standard Webhooks has it.
     */
    private static String signatures(WebhookEndpoint endpoint, String id, long timestamp, String body) {
        String current = WebhookSignature.sign(endpoint.secret(), id, timestamp, body);
        return endpoint.previousSecret() == null ? current
                : current + " " + WebhookSignature.sign(endpoint.previousSecret(), id, timestamp, body);
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
