package kr.gyeol.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import kr.gyeol.shared.KoreanTime;

/**
 * The calendar of subscriptions, in Korean time: where periods start and end, the
 * year-month a period is charged under, and the proration of a plan change.
 */
public final class BillingCalendar {

    private BillingCalendar() {
    }

    /** Where period {@code n} of a subscription anchored at {@code anchor} starts. */
    public static Instant periodStart(Instant anchor, BillingInterval interval, long n) {
        return interval.after(anchor.atZone(KoreanTime.ZONE), n).toInstant();
    }

    /**
     * The year-month under which a period is charged with monthly duplicate prevention:
     * that of its start in Korean time.
     */
    public static YearMonth chargedMonth(Instant periodStart) {
        return YearMonth.from(periodStart.atZone(KoreanTime.ZONE));
    }

    /** The Korean calendar day of an instant. */
    public static LocalDate day(Instant instant) {
        return instant.atZone(KoreanTime.ZONE).toLocalDate();
    }

    /**
     * What changing from {@code oldAmount} to {@code newAmount} at {@code at} adds to the
     * next renewal, by days: the difference times the days left of the period (the day of
     * the change counts as left: the new plan applies from it), over the period's days,
     * rounded half up in magnitude. Negative is a credit.
     */
    public static long proration(long oldAmount, long newAmount, Instant periodStart, Instant periodEnd, Instant at) {
        long periodDays = ChronoUnit.DAYS.between(day(periodStart), day(periodEnd));
        if (periodDays <= 0) {
            return 0;
        }
        long daysLeft = ChronoUnit.DAYS.between(day(at), day(periodEnd));
        daysLeft = Math.max(0, Math.min(periodDays, daysLeft));
        long difference = Math.subtractExact(newAmount, oldAmount);
        long scaled = Math.multiplyExact(Math.abs(difference), daysLeft);
        long rounded = (scaled * 2 + periodDays) / (2 * periodDays);
        return difference < 0 ? -rounded : rounded;
    }

    /** When a trial that starts at {@code start} ends. */
    public static Instant trialEnd(Instant start, int trialDays) {
        return start.atZone(KoreanTime.ZONE).plusDays(trialDays).toInstant();
    }

    /** {@code days} whole days after {@code from}, in Korean time. */
    public static Instant daysAfter(Instant from, int days) {
        return from.atZone(KoreanTime.ZONE).plusDays(days).toInstant();
    }

}
