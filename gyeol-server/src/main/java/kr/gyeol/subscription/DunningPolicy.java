package kr.gyeol.subscription;

import java.util.List;

import kr.gyeol.network.DeclineReason;

/**
 * How a failed renewal is retried: {@code retryDays} after the first failure (e.g. 1, 3,
 * 5, 7), then the subscription ends {@code afterRetries} (UNPAID or CANCELED). A hard
 * decline is never retried.
 */
public record DunningPolicy(List<Integer> retryDays, SubscriptionStatus afterRetries) {

    public DunningPolicy {
        retryDays = List.copyOf(retryDays);
        if (retryDays.size() > 10) {
            throw SubscriptionRefused.invalid("invalid-settings", "At most 10 retries.");
        }
        int previous = 0;
        for (int day : retryDays) {
            if (day <= previous || day > 60) {
                throw SubscriptionRefused.invalid("invalid-settings",
                        "retryDays are increasing whole days from 1 to 60 after the first failure.");
            }
            previous = day;
        }
        if (afterRetries != SubscriptionStatus.UNPAID && afterRetries != SubscriptionStatus.CANCELED) {
            throw SubscriptionRefused.invalid("invalid-settings", "afterRetries is UNPAID or CANCELED.");
        }
    }

    /**
     * Whether the network's decline is final for this instrument: an expired or invalid
     * card or account. A generic decline, insufficient funds or bank maintenance may pass
     * another day.
     */
    public static boolean hard(DeclineReason reason) {
        return switch (reason) {
            case EXPIRED_CARD, INVALID_CARD, INVALID_ACCOUNT -> true;
            case GENERIC, INSUFFICIENT_FUNDS, BANK_MAINTENANCE, NOT_CANCELLABLE, NO_SUCH_TRANSACTION -> false;
        };
    }

    /**
     * The day after the first failure of retry {@code retry} (1-based), or null past the
     * last.
     */
    Integer retryDay(int retry) {
        return retry >= 1 && retry <= retryDays.size() ? retryDays.get(retry - 1) : null;
    }

}
