package kr.gyeol.example.shop;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's Payple settings, as Payple hands them out.
 *
 * @param baseUrl Payple's host (democpay.payple.kr in test, cpay.payple.kr live), or
 * Gyeol's
 * @param webhookSecret the secret webhooks are signed with
 */
@ConfigurationProperties("payple")
public record PaypleProperties(String cstId, String custKey, String refundKey, String baseUrl, String webhookSecret) {
}
