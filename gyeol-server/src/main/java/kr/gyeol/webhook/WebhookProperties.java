package kr.gyeol.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery ({@code gyeol.webhooks.*}); how often a node looks for due events
 * without a wake-up is {@code gyeol.webhooks.interval} (1 s), read by its schedule.
 *
 * @param retrySchedule the waits before each retry of a failed delivery; after the last,
 * the event is given up (FAILED, to replay from the console)
 * @param jitter the share of each wait drawn at random, so retries of many events spread
 * @param timeout how long one POST to a receiver may take
 * @param concurrency deliveries one node runs at once
 * @param concurrencyPerReceiver deliveries one node runs at once to one receiver, so a
 * slow receiver cannot starve the others
 * @param roundBudget how long one delivery round may run before the next claim
 * @param wakeOnCommit whether a commit that writes an event wakes the dispatchers at once
 * (PostgreSQL {@code LISTEN/NOTIFY}) instead of waiting for the next interval
 * @param secretOverlap how long an old signing secret still signs beside the new one
 * after a rotation through the admin API
 */
@ConfigurationProperties("gyeol.webhooks")
public record WebhookProperties(@DefaultValue("1m,4m,16m,64m,256m,1024m,4096m") List<Duration> retrySchedule,
        @DefaultValue("0.1") double jitter, @DefaultValue("10s") Duration timeout, @DefaultValue("64") int concurrency,
        @DefaultValue("16") int concurrencyPerReceiver, @DefaultValue("5s") Duration roundBudget,
        @DefaultValue("true") boolean wakeOnCommit, @DefaultValue("24h") Duration secretOverlap) {

}
