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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.WebhookEventId;
import kr.gyeol.shared.EventPayloads;
import kr.gyeol.shared.GatewayProperties;
import kr.gyeol.shared.GroupedWrites;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.webhook.jdbc.WebhookRepository.AttemptRow;
import kr.gyeol.webhook.jdbc.WebhookRepository.EventRow;
import kr.gyeol.webhook.jdbc.WebhookRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers due events. Each round claims them in batches under a lease of their own
 * ({@code FOR UPDATE SKIP LOCKED}, with a token per claim) into a lane per partner,
 * renews an event's lease right before its POST and bounds the POST by the timeout, so a
 * lease always outlives its send and no other node sends the event meanwhile. Sends run
 * concurrently on virtual threads over the HTTP client's kept-alive connections, at most
 * {@code gyeol.webhooks.concurrency} in all and {@code
 * gyeol.webhooks.concurrency-per-receiver} per partner, so one slow receiver holds up
 * only its own events; a lane holding {@code LANE_DEPTH} per-receiver slots' worth of
 * events is not claimed for until it drains. A send that ends starts the next event of
 * its lane at once, and a round runs again as soon as there may be more to claim: when a
 * batch came back full, when a lane drains, and when an event is committed on this node
 * ({@code gyeol.webhooks.wake-on-commit}); otherwise every
 * {@code gyeol.webhooks.interval}. Any 2xx within the timeout is delivered.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private static final int BATCH = 64;

    /** The least time between two rounds started by wakes. */
    private static final long ROUND_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** How many events a lane holds, in flight and waiting, per slot of its receiver. */
    private static final int LANE_DEPTH = 8;

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

    /**
     * Platform threads, not virtual ones: requests run on virtual threads, and while
     * charges keep the few carrier threads busy, every database round trip of a send
     * would queue behind them (webhooks fell to about ten a second under a charge load).
     * The operating system gives these threads their own share of the cores.
     */
    private final ExecutorService senders;

    private final Semaphore slots;

    private final int perReceiver;

    /** Per partner: its claimed events waiting for a send slot, and its sends. */
    private final Map<PartnerId, Lane> lanes = new ConcurrentHashMap<>();

    /** Events claimed by this node and not yet attempted to the end. */
    private final AtomicInteger held = new AtomicInteger();

    private final int maxHeld;

    private final AtomicInteger deliveredCount = new AtomicInteger();

    private final AtomicBoolean roundRunning = new AtomicBoolean();

    /** When the last round started; read and written by the one thread running rounds. */
    private volatile long lastRoundNanos;

    private final AtomicBoolean roundWanted = new AtomicBoolean();

    /** Set when a round left due events unclaimed (a full batch, a full lane). */
    private final AtomicBoolean moreDue = new AtomicBoolean();

    private final boolean wakeOnCommit;

    /** Bodies kept before their first POST, many sends' in one commit. */
    private final GroupedWrites<WebhookRepository.Body, Boolean> bodies;

    /** Attempts recorded, many sends' in one commit; the ids of the events recorded. */
    private final GroupedWrites<WebhookRepository.Recorded, Set<WebhookEventId>> attempts;

    /** A claimed event, and when it was claimed ({@link System#nanoTime()}). */
    private record Claim(EventRow event, String token, long claimedAtNanos) {
    }

    /** One partner's events claimed by this node, and the sends to its receiver. */
    private final class Lane {

        final Semaphore sending = new Semaphore(WebhookDispatcher.this.perReceiver);

        final Queue<Claim> waiting = new ConcurrentLinkedQueue<>();

        final AtomicInteger held = new AtomicInteger();

    }

    private final Duration roundBudget;

    private final WebhookMetrics metrics;

    private final WebhookFaults faults;

    WebhookDispatcher(WebhookRepository repository, WebhookEndpoints endpoints, List<EventPayloads> payloads,
            ReceiverAddresses addresses, Clock clock, JsonMapper json, Environment environment, WebhookMetrics metrics,
            WebhookProperties properties, GatewayProperties gateway, WebhookFaults faults) {
        Duration timeout = properties.timeout();
        int concurrency = properties.concurrency();
        this.repository = repository;
        this.endpoints = endpoints;
        this.payloads = payloads;
        this.addresses = addresses;
        this.schedule = new RetrySchedule(properties.retrySchedule(), properties.jitter());
        this.clock = clock;
        this.json = json;
        this.environment = environment;
        this.timeout = timeout;
        // Long enough that an attempt ends (or times out) before another node may take
        // it.
        this.lease = timeout.multipliedBy(6);
        this.publicBaseUrl = gateway.publicBaseUrl();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.slots = new Semaphore(concurrency);
        // A thread for each send in flight, one for each being recorded, and the rounds'.
        this.senders = Executors.newFixedThreadPool(2 * concurrency + 2,
                Thread.ofPlatform().name("gyeol-webhook-", 1).daemon().factory());
        this.perReceiver = properties.concurrencyPerReceiver();
        this.maxHeld = concurrency * LANE_DEPTH;
        this.wakeOnCommit = properties.wakeOnCommit();
        this.bodies = new GroupedWrites<>((rows) -> {
            repository.saveBodies(rows);
            return Boolean.TRUE;
        }, BATCH);
        this.attempts = new GroupedWrites<>(repository::recordAttempts, BATCH);
        this.roundBudget = properties.roundBudget();
        this.metrics = metrics;
        this.faults = faults;
    }

    @PreDestroy
    void stopSending() {
        this.senders.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${gyeol.webhooks.interval:1s}", initialDelayString = "${gyeol.webhooks.interval:1s}")
    void scheduledRound() {
        // The round starts the sends and returns: they finish on their own threads while
        // the next round claims what has become due.
        requestRound();
    }

    /**
     * Asks for a round now: an event was committed on this node, or a lane drained while
     * more may be due. Rounds run one at a time; a request during a round runs another
     * after it.
     */
    void wake() {
        if (this.wakeOnCommit) {
            requestRound();
        }
    }

    private void requestRound() {
        this.roundWanted.set(true);
        if (this.roundRunning.compareAndSet(false, true)) {
            try {
                this.senders.execute(this::roundsWhileWanted);
            }
            catch (RejectedExecutionException shuttingDown) {
                this.roundRunning.set(false);
            }
        }
    }

    private void roundsWhileWanted() {
        try {
            while (this.roundWanted.getAndSet(false)) {
                // Wakes come with every commit: rounds at most every ROUND_GAP, so the
                // events of many commits share one claim (one write) instead of each
                // paying for its own.
                long wait = this.lastRoundNanos + ROUND_GAP_NANOS - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                this.lastRoundNanos = System.nanoTime();
                try {
                    startRound();
                }
                catch (RuntimeException ex) {
                    log.error("Webhook round failed; the next round tries again: {}", ex.toString());
                    return;
                }
            }
        }
        finally {
            this.roundRunning.set(false);
            // A request that came in between the last check and the flag's reset.
            if (this.roundWanted.get()) {
                requestRound();
            }
        }
    }

    /**
     * Attempts every due event once and waits for the attempts, round after round until
     * nothing due is left that a free receiver could take; returns how many were
     * delivered. For tests and operators: the scheduled rounds do not wait.
     */
    public int deliverDue() {
        int before = this.deliveredCount.get();
        while (true) {
            int claimed = startRound();
            long deadline = System.nanoTime() + this.lease.toNanos();
            synchronized (this.held) {
                while (this.held.get() > 0 && System.nanoTime() < deadline) {
                    try {
                        this.held.wait(100);
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return this.deliveredCount.get() - before;
                    }
                }
            }
            if (claimed == 0) {
                return this.deliveredCount.get() - before;
            }
        }
    }

    /**
     * Claims due events into their lanes while this node holds fewer than it may and the
     * round's budget lasts, and starts what the lanes' free slots allow; returns how many
     * it claimed. A partner whose lane is full is not claimed for.
     */
    private int startRound() {
        long deadline = System.nanoTime() + this.roundBudget.toNanos();
        int claimedInAll = 0;
        while (System.nanoTime() < deadline) {
            int room = Math.min(this.maxHeld - this.held.get(), BATCH);
            if (room <= 0) {
                this.moreDue.set(true);
                break;
            }
            Set<PartnerId> busy = this.lanes.entrySet()
                .stream()
                .filter((lane) -> lane.getValue().held.get() >= this.perReceiver * LANE_DEPTH)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
            String token = Tokens.urlSafe(12);
            Instant now = this.clock.instant();
            long claimedAt = System.nanoTime();
            List<EventRow> claimed = this.repository.claimDue(now, now.plus(this.lease), room, token, busy);
            claimedInAll += claimed.size();
            Set<Lane> touched = new HashSet<>();
            for (EventRow event : claimed) {
                Lane lane = this.lanes.computeIfAbsent(event.partnerId(), (partner) -> new Lane());
                lane.held.incrementAndGet();
                this.held.incrementAndGet();
                lane.waiting.add(new Claim(event, token, claimedAt));
                touched.add(lane);
            }
            touched.forEach(this::drain);
            boolean full = claimed.size() == room;
            this.moreDue.set(full || !busy.isEmpty());
            if (!full) {
                break;
            }
        }
        return claimedInAll;
    }

    /**
     * Starts the lane's waiting events while its receiver and the node have free slots.
     */
    private void drain(Lane lane) {
        while (!lane.waiting.isEmpty()) {
            if (!lane.sending.tryAcquire()) {
                return;
            }
            if (!this.slots.tryAcquire()) {
                lane.sending.release();
                return;
            }
            Claim claim = lane.waiting.poll();
            if (claim == null) {
                lane.sending.release();
                this.slots.release();
                return;
            }
            try {
                this.senders.execute(() -> send(lane, claim));
            }
            catch (RejectedExecutionException shuttingDown) {
                // The node is stopping: the event's lease runs out and another takes it.
                lane.sending.release();
                this.slots.release();
                finished(lane);
                return;
            }
        }
    }

    private void send(Lane lane, Claim claim) {
        // The receiver's and the node's slots are for the POST: they are given back as
        // soon as it has ended, before its attempt is recorded, so the next event of the
        // lane goes out while this one's row is written with others.
        AtomicBoolean slotHeld = new AtomicBoolean(true);
        Runnable releaseSlot = () -> {
            if (slotHeld.getAndSet(false)) {
                lane.sending.release();
                this.slots.release();
                drain(lane);
                if (this.slots.availablePermits() > 0) {
                    // A slot of the node's own freed: another lane may be
                    // waiting for one.
                    for (Lane other : this.lanes.values()) {
                        if (other != lane && !other.waiting.isEmpty()) {
                            drain(other);
                        }
                    }
                }
            }
        };
        try {
            if (attempt(claim.event(), claim.token(), claim.claimedAtNanos(), releaseSlot)) {
                this.deliveredCount.incrementAndGet();
            }
        }
        catch (RuntimeException ex) {
            log.error("A webhook attempt failed unexpectedly: {}", ex.toString());
        }
        finally {
            releaseSlot.run();
            finished(lane);
            if (this.moreDue.get() && lane.waiting.isEmpty()) {
                wake();
            }
        }
    }

    private void finished(Lane lane) {
        lane.held.decrementAndGet();
        if (this.held.decrementAndGet() == 0) {
            synchronized (this.held) {
                this.held.notifyAll();
            }
        }
    }

    private boolean attempt(EventRow event, String token, long claimedAtNanos, Runnable releaseSlot) {
        // The claim leased the event for six timeouts. While more than two of them are
        // left, the claim's own lease outlives this attempt's POST (bounded by one
        // timeout) and its recording: no other node can take the event meanwhile, and
        // the renewal's write is saved. Later, the lease is renewed first.
        boolean leaseLeft = System.nanoTime() - claimedAtNanos < this.lease.minus(this.timeout.multipliedBy(2))
            .toNanos();
        if (!leaseLeft && !this.repository.renewLease(event.id(), token, this.clock.instant().plus(this.lease))) {
            log.warn("The lease of webhook {} ran out before its attempt; another node has it", event.id());
            return false;
        }
        int number = event.attempts() + 1;
        Optional<WebhookEndpoint> endpoint = this.endpoints.find(event.partnerId());
        String url = endpoint.map((found) -> found.urlFor(event.type())).orElse(null);
        Instant attemptedAt = this.clock.instant();
        if (url == null) {
            return record(releaseSlot, event, number, "(none)", attemptedAt, null, 0, "no receiver is configured");
        }
        if (endpoint.get().secret() == null) {
            return record(releaseSlot, event, number, url, attemptedAt, null, 0,
                    "the signing secret cannot be opened with this node's vault keys; rotate it");
        }
        Optional<String> refused = this.addresses.refusal(event.partnerId(), url);
        if (refused.isPresent()) {
            return record(releaseSlot, event, number, url, attemptedAt, null, 0, refused.get());
        }
        Optional<WebhookRepository.Body> rendered = body(event, endpoint.get());
        if (rendered.isEmpty()) {
            this.attempts.write(new WebhookRepository.Recorded(
                    new AttemptRow(event.id(), number, url, attemptedAt, null, 0, "the event's subject is gone", false),
                    WebhookStatus.FAILED, null));
            return false;
        }
        String body = rendered.get().body();
        String contentType = rendered.get().contentType();
        WebhookFaults.Effect effect = this.faults.effectFor(event);
        if (effect instanceof WebhookFaults.Effect.Postpone postpone) {
            // Not an attempt: the event is due again when the fault says, under no lease.
            this.repository.postpone(event.id(), token, postpone.until());
            return false;
        }
        if (effect instanceof WebhookFaults.Effect.Fail fail) {
            return record(releaseSlot, event, number, url, attemptedAt, null, 0, fail.reason(), fail.retryAfter());
        }
        long timestamp = attemptedAt.getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                .timeout(this.timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "Gyeol-Webhooks/1")
                .header("webhook-id", event.id().value())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures(endpoint.get(), event.id().value(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        }
        catch (IllegalArgumentException ex) {
            return record(releaseSlot, event, number, url, attemptedAt, null, 0, "invalid URL");
        }
        Answer answer = post(request);
        if (effect instanceof WebhookFaults.Effect.SendTwice && answer.delivered()) {
            // The duplicate a test armed: the same request again; its answer is the
            // attempt's.
            this.faults.close(event.id());
            answer = post(request);
        }
        return record(releaseSlot, event, number, url, attemptedAt, answer.status(), answer.latency(), answer.error());
    }

    /** A POST's answer: its status, or why there was none. */
    private record Answer(Integer status, long latency, String error) {

        boolean delivered() {
            return this.status != null && this.status >= 200 && this.status < 300;
        }

    }

    /** Sends one POST, bounded by the timeout body and all. */
    private Answer post(HttpRequest request) {
        long started = System.nanoTime();
        // The request timeout covers the answer's headers only; the whole exchange,
        // body included, is bounded here so that it always ends within the lease.
        CompletableFuture<HttpResponse<Void>> exchange = this.http.sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = exchange.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), (System.nanoTime() - started) / 1_000_000, null);
        }
        catch (TimeoutException ex) {
            exchange.cancel(true);
            return new Answer(null, (System.nanoTime() - started) / 1_000_000, "HttpTimeoutException");
        }
        catch (ExecutionException ex) {
            return new Answer(null, (System.nanoTime() - started) / 1_000_000,
                    ex.getCause().getClass().getSimpleName());
        }
        catch (InterruptedException ex) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Answer(null, 0, "interrupted");
        }
    }

    /**
     * The event's body as its receiver gets it: the one kept, or rendered in the
     * receiver's format and kept now (before its first POST, so every retry and replay
     * sends what the first sent); empty when the event's subject is gone.
     */
    private Optional<WebhookRepository.Body> body(EventRow event, WebhookEndpoint endpoint) {
        if (event.body() != null) {
            return Optional.of(new WebhookRepository.Body(event.id(), event.body(), event.contentType()));
        }
        Map<String, ?> fields = render(event).orElse(null);
        if (fields == null) {
            return Optional.empty();
        }
        WebhookFormat format = endpoint.format();
        WebhookRepository.Body body = new WebhookRepository.Body(event.id(),
                format == WebhookFormat.JSON ? this.json.writeValueAsString(fields) : form(fields),
                format.contentType());
        this.bodies.write(body);
        return Optional.of(body);
    }

    /**
     * An event as its receiver gets it, for a listener that forwards it itself
     * ({@code gyeol listen}): its body, content type and the headers of a delivery signed
     * now.
     */
    public record Prepared(WebhookEventId id, EventType type, String contentType, String body,
            Map<String, String> headers) {
    }

    /**
     * The event as its receiver gets it, signed now with the partner's secret; empty when
     * the partner has no receiver or no secret this node can open, or the event's subject
     * is gone.
     */
    public Optional<Prepared> prepared(EventRow event) {
        Optional<WebhookEndpoint> endpoint = this.endpoints.find(event.partnerId());
        if (endpoint.isEmpty() || endpoint.get().secret() == null) {
            return Optional.empty();
        }
        return body(event, endpoint.get()).map((body) -> {
            long timestamp = this.clock.instant().getEpochSecond();
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("webhook-id", event.id().value());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", signatures(endpoint.get(), event.id().value(), timestamp, body.body()));
            return new Prepared(event.id(), event.type(), body.contentType(), body.body(), headers);
        });
    }

    /**
     * Records that a listener delivered the event to its receiver, which answered
     * {@code status} (2xx): the event is delivered, its retries end. False when it was
     * delivered (or given up) already, or an attempt of this node took its number first.
     */
    public boolean deliveredByListener(EventRow event, String url, int status, long latencyMillis) {
        if (status < 200 || status >= 300) {
            return false;
        }
        EventRow current = event;
        // An attempt of the dispatcher may take the next number first: read again, and
        // record after it.
        for (int tries = 0; tries < 3 && current.status() == WebhookStatus.PENDING; tries++) {
            boolean recorded = this.repository
                .recordAttempts(List
                    .of(new WebhookRepository.Recorded(new AttemptRow(current.id(), current.attempts() + 1, url,
                            this.clock.instant(), status, latencyMillis, null, true), WebhookStatus.DELIVERED, null)))
                .contains(current.id());
            if (recorded) {
                this.metrics.attempted(WebhookStatus.DELIVERED, latencyMillis, true);
                this.faults.delivered(current);
                return true;
            }
            Optional<EventRow> reread = this.repository.event(current.partnerId(), current.id());
            if (reread.isEmpty()) {
                return false;
            }
            current = reread.get();
        }
        return false;
    }

    private boolean record(Runnable releaseSlot, EventRow event, int number, String url, Instant attemptedAt,
            Integer status, long latency, String error) {
        return record(releaseSlot, event, number, url, attemptedAt, status, latency, error, null);
    }

    /**
     * Records an attempt and the event's next state.
     * @param armedWait the wait before the next attempt a test's fault set, or null for
     * the retry schedule's; the schedule still says when to give up
     */
    private boolean record(Runnable releaseSlot, EventRow event, int number, String url, Instant attemptedAt,
            Integer status, long latency, String error, Duration armedWait) {
        releaseSlot.run();
        boolean delivered = status != null && status >= 200 && status < 300;
        Duration wait = delivered ? null : this.schedule.waitAfter(number);
        if (wait != null && armedWait != null) {
            wait = armedWait;
        }
        WebhookStatus next = delivered ? WebhookStatus.DELIVERED
                : wait == null ? WebhookStatus.FAILED : WebhookStatus.PENDING;
        String failure = error != null ? error : delivered ? null : "HTTP " + status;
        boolean recorded = this.attempts
            .write(new WebhookRepository.Recorded(
                    new AttemptRow(event.id(), number, url, attemptedAt, status, latency, failure, delivered), next,
                    wait == null ? null : attemptedAt.plus(wait)))
            .contains(event.id());
        if (!recorded) {
            log.warn("Attempt {} of webhook {} was already recorded by another node", number, event.id());
            return false;
        }
        this.metrics.attempted(next, latency, status != null);
        if (next == WebhookStatus.FAILED) {
            log.warn("Webhook {} given up after {} attempts", event.id(), number);
        }
        else if (delivered) {
            this.faults.delivered(event);
            // One line per delivery is kept at DEBUG: at a thousand events a second it
            // would be most of the log (the delivery log is in the database).
            log.debug("Webhook {} ({}) attempt {}: delivered", event.id(), event.type(), number);
        }
        else {
            log.info("Webhook {} ({}) attempt {}: {}, next try in {}", event.id(), event.type(), number, failure, wait);
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
