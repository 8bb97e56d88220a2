package kr.gyeol.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deletion of expired rows ({@code gyeol.janitor.*}); how often it runs is
 * {@code gyeol.janitor.interval} (1 h), read by its schedule.
 *
 * @param retention how long after they expired windows, pending registrations, console
 * sessions and idempotency keys are deleted
 */
@ConfigurationProperties("gyeol.janitor")
public record JanitorProperties(@DefaultValue("1d") Duration retention) {

}
