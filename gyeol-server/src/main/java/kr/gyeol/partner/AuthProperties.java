package kr.gyeol.partner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Partner credentials under attack, and how long an authentication lasts
 * ({@code gyeol.auth.*}).
 *
 * @param failureLimit wrong credentials per partner id and address within
 * {@code failureWindow} before that pair is locked out
 * @param failureWindow how long failures are counted, and a lockout lasts
 * @param slowAfter wrong credentials per partner id, from any address, after which every
 * further try of that id is slowed
 * @param slowInterval the added wait per failure beyond {@code slowAfter}
 * @param slowMaxWait the longest such wait
 * @param sessionLifetime how long an AuthKey (and a window opened with it) lasts
 */
@ConfigurationProperties("gyeol.auth")
public record AuthProperties(@DefaultValue("10") int failureLimit, @DefaultValue("5m") Duration failureWindow,
        @DefaultValue("20") int slowAfter, @DefaultValue("1s") Duration slowInterval,
        @DefaultValue("10s") Duration slowMaxWait, @DefaultValue("30m") Duration sessionLifetime) {

}
