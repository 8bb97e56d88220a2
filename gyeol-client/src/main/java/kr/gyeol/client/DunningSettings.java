package kr.gyeol.client;

import java.util.List;

/**
 * How failed renewals are retried: {@code retryDays} after the first failure, then the
 * subscription becomes {@code afterRetries} (UNPAID or CANCELED).
 */
public record DunningSettings(List<Integer> retryDays, SubscriptionStatus afterRetries) {
}
