package kr.gyeol.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settlement of what the network left unknown ({@code gyeol.reconciler.*}); how often
 * the reconciler runs is {@code gyeol.reconciler.interval} (10 s), read by its schedule.
 *
 * @param delay how long a payment or refund with an unknown outcome waits before the
 * network is first asked about it; also the lease of a claimed row
 * @param stuckAfter how long a PENDING row may stay before the reconciler takes it as
 * left behind by a node that stopped
 */
@ConfigurationProperties("gyeol.reconciler")
public record ReconcilerProperties(@DefaultValue("30s") Duration delay, @DefaultValue("5m") Duration stuckAfter) {

}
