package kr.gyeol.subscription;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Renewals, dunning and test clocks ({@code gyeol.subscriptions.*}); how often each node
 * looks for due renewals is {@code gyeol.subscriptions.interval} (10 s), read by its
 * schedule.
 *
 * @param retryDays the dunning default (a partner sets its own under
 * {@code /v1/billing-settings}): retries this many days after a renewal's first failure
 * @param afterRetries what a subscription becomes when every retry failed: UNPAID or
 * CANCELED
 * @param lease how long a node holds a claimed subscription; one that dies mid-renewal
 * leaves it to another after this long (longer than any network call)
 * @param unknownRecheck how soon a renewal whose charge is unknown looks again
 * @param concurrency renewals one node runs at once
 * @param trialEndingNotice how long before a trial ends its webhook is sent
 * @param advanceWait how long advancing a test clock waits for what another node holds
 */
@ConfigurationProperties("gyeol.subscriptions")
public record SubscriptionProperties(@DefaultValue( {
        "1", "3", "5", "7" }) List<Integer> retryDays, @DefaultValue("UNPAID") SubscriptionStatus afterRetries,
        @DefaultValue("2m") Duration lease, @DefaultValue("30s") Duration unknownRecheck,
        @DefaultValue("8") int concurrency, @DefaultValue("3d") Duration trialEndingNotice,
        @DefaultValue("30s") Duration advanceWait){

}
