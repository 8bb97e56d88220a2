package kr.gyeol.network;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The card and bank network ({@code gyeol.network.*}).
 *
 * @param acquirer which {@link Acquirer} serves charges: {@code simulator}, the only one
 * Gyeol ships, or the name another implementation is configured under
 */
@ConfigurationProperties("gyeol.network")
public record NetworkProperties(@DefaultValue("simulator") String acquirer) {

}
