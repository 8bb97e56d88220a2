package kr.gyeol.gpay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The overseas card API ({@code gyeol.gpay.*}).
 *
 * @param tokenLifetime how long an access token from {@code /gpay/oauth/1.0/token} lasts
 */
@ConfigurationProperties("gyeol.gpay")
public record GpayProperties(@DefaultValue("600s") Duration tokenLifetime) {

}
