package kr.gyeol.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the settlement loop keeps asking the network about one row
 * ({@code gyeol.settlement.*}).
 *
 * @param maxDelay the longest wait between two tries of one row
 * @param maxAttempts how many tries before a row is left for an operator
 */
@ConfigurationProperties("gyeol.settlement")
public record SettlementProperties(@DefaultValue("1h") Duration maxDelay, @DefaultValue("20") int maxAttempts) {

}
