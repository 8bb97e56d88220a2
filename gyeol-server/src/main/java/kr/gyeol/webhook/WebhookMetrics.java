package kr.gyeol.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kr.gyeol.webhook.jdbc.WebhookRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The outbox's meters: {@code gyeol.webhook.attempts} by outcome ({@code delivered},
 * {@code retrying}, {@code failed}), {@code gyeol.webhook.latency} of the receivers'
 * answers, and the gauges {@code gyeol.outbox.backlog} (events not delivered yet) and
 * {@code gyeol.outbox.oldest.age} (seconds since the oldest of them was written), read
 * from the database when scraped, so every node reports the cluster's outbox.
 */
@Component
class WebhookMetrics {

    private static final Logger log = LoggerFactory.getLogger(WebhookMetrics.class);

    private final MeterRegistry registry;

    private final Timer latency;

    WebhookMetrics(MeterRegistry registry, WebhookRepository repository, Clock clock) {
        this.registry = registry;
        this.latency = Timer.builder("gyeol.webhook.latency")
            .description("How long receivers took to answer a webhook POST")
            .publishPercentileHistogram()
            .register(registry);
        Gauge.builder("gyeol.outbox.backlog", () -> read(repository).pending())
            .description("Webhook events not delivered yet")
            .register(registry);
        Gauge.builder("gyeol.outbox.oldest.age", () -> {
            WebhookRepository.Backlog backlog = read(repository);
            return backlog.oldest() == null ? 0
                    : Duration.between(backlog.oldest(), clock.instant()).toMillis() / 1000.0;
        })
            .description("Seconds since the oldest undelivered webhook event was written")
            .baseUnit("seconds")
            .register(registry);
    }

    private static WebhookRepository.Backlog read(WebhookRepository repository) {
        try {
            return repository.backlog();
        }
        catch (RuntimeException unavailable) {
            log.debug("Outbox backlog not read: {}", unavailable.getClass().getSimpleName());
            return new WebhookRepository.Backlog(-1, null);
        }
    }

    void attempted(WebhookStatus next, long latencyMillis, boolean answered) {
        String outcome = switch (next) {
            case DELIVERED -> "delivered";
            case PENDING -> "retrying";
            case FAILED -> "failed";
        };
        Counter.builder("gyeol.webhook.attempts")
            .description("Webhook delivery attempts by outcome")
            .tag("outcome", outcome)
            .register(this.registry)
            .increment();
        if (answered) {
            this.latency.record(latencyMillis, TimeUnit.MILLISECONDS);
        }
    }

}
