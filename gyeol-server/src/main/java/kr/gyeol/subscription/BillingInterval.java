package kr.gyeol.subscription;

import java.time.ZonedDateTime;

/**
 * How long a plan's period lasts: {@code count} days, weeks, months or years.
 */
public record BillingInterval(Unit unit, int count) {

    public enum Unit {

        DAY, WEEK, MONTH, YEAR

    }

    public BillingInterval {
        if (unit == null) {
            throw new IllegalArgumentException("An interval needs a unit");
        }
        if (count < 1 || count > 366) {
            throw new IllegalArgumentException("An interval counts 1 to 366 units");
        }
    }

    /**
     * The start of period {@code n} of a subscription anchored at {@code anchor}: always
     * counted from the anchor, never from the previous period, so a month end clamps (31
     * January, 28 February) and comes back (31 March).
     */
    ZonedDateTime after(ZonedDateTime anchor, long n) {
        long units = Math.multiplyExact(n, count);
        return switch (unit) {
            case DAY -> anchor.plusDays(units);
            case WEEK -> anchor.plusWeeks(units);
            case MONTH -> anchor.plusMonths(units);
            case YEAR -> anchor.plusYears(units);
        };
    }

}
