package kr.gyeol.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import kr.gyeol.shared.KoreanTime;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription calendar in Korean time: month ends clamp and come back, leap days,
 * trials and proration by days. Properties over many anchors, examples for the named edge
 * cases.
 */
class BillingCalendarTest {

    private static final BillingInterval MONTHLY = new BillingInterval(BillingInterval.Unit.MONTH, 1);

    private static final BillingInterval YEARLY = new BillingInterval(BillingInterval.Unit.YEAR, 1);

    private static Instant korean(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KoreanTime.ZONE).toInstant();
    }

    private static ZonedDateTime inKorea(Instant instant) {
        return instant.atZone(KoreanTime.ZONE);
    }

    private static Instant anchor(int year, int month, int day, int minuteOfDay) {
        LocalDate date = YearMonth.of(year, month).atDay(Math.min(day, YearMonth.of(year, month).lengthOfMonth()));
        return date.atTime(LocalTime.ofSecondOfDay(minuteOfDay * 60L)).atZone(KoreanTime.ZONE).toInstant();
    }

    @Property
    void aMonthlyPeriodStartsOnTheAnchorsDayOrItsMonthsLastDayAtTheAnchorsTime(
            @ForAll @IntRange(min = 2000, max = 2090) int year, @ForAll @IntRange(min = 1, max = 12) int month,
            @ForAll @IntRange(min = 1, max = 31) int day, @ForAll @IntRange(min = 0, max = 1439) int minute,
            @ForAll @IntRange(min = 0, max = 120) int n) {
        Instant anchor = anchor(year, month, day, minute);
        ZonedDateTime start = inKorea(BillingCalendar.periodStart(anchor, MONTHLY, n));
        YearMonth expectedMonth = YearMonth.from(inKorea(anchor)).plusMonths(n);
        int anchorDay = inKorea(anchor).getDayOfMonth();
        assertThat(YearMonth.from(start)).isEqualTo(expectedMonth);
        assertThat(start.getDayOfMonth()).isEqualTo(Math.min(anchorDay, expectedMonth.lengthOfMonth()));
        assertThat(start.toLocalTime()).isEqualTo(inKorea(anchor).toLocalTime());
    }

    @Property
    void periodsFollowEachOtherWithoutGapsEachInAMonthOfItsOwn(@ForAll @IntRange(min = 2000, max = 2090) int year,
            @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 28, max = 31) int day) {
        Instant anchor = anchor(year, month, day, 600);
        Set<YearMonth> months = new HashSet<>();
        Instant previous = null;
        for (int n = 0; n < 48; n++) {
            Instant start = BillingCalendar.periodStart(anchor, MONTHLY, n);
            if (previous != null) {
                assertThat(start).isAfter(previous);
            }
            // Monthly duplicate prevention charges each period under a month of its own.
            assertThat(months.add(BillingCalendar.chargedMonth(start))).isTrue();
            previous = start;
        }
    }

    @Property
    void everyIntervalAdvancesByItsCountOfUnits(@ForAll BillingInterval.Unit unit,
            @ForAll @IntRange(min = 1, max = 12) int count, @ForAll @IntRange(min = 0, max = 30) int n,
            @ForAll @LongRange(min = 946_684_800L, max = 3_155_760_000L) long epochSecond) {
        Instant anchor = Instant.ofEpochSecond(epochSecond);
        BillingInterval interval = new BillingInterval(unit, count);
        ZonedDateTime expected = switch (unit) {
            case DAY -> inKorea(anchor).plusDays((long) count * n);
            case WEEK -> inKorea(anchor).plusWeeks((long) count * n);
            case MONTH -> inKorea(anchor).plusMonths((long) count * n);
            case YEAR -> inKorea(anchor).plusYears((long) count * n);
        };
        assertThat(BillingCalendar.periodStart(anchor, interval, n)).isEqualTo(expected.toInstant());
    }

    @Example
    void anchorsOnThe29th30thAnd31stClampInShortMonthsAndComeBack() {
        assertThat(BillingCalendar.periodStart(korean("2025-01-31T10:00"), MONTHLY, 1))
            .isEqualTo(korean("2025-02-28T10:00"));
        assertThat(BillingCalendar.periodStart(korean("2025-01-31T10:00"), MONTHLY, 2))
            .isEqualTo(korean("2025-03-31T10:00"));
        assertThat(BillingCalendar.periodStart(korean("2025-01-31T10:00"), MONTHLY, 3))
            .isEqualTo(korean("2025-04-30T10:00"));
        assertThat(BillingCalendar.periodStart(korean("2024-01-30T00:00"), MONTHLY, 1))
            .isEqualTo(korean("2024-02-29T00:00"));
        assertThat(BillingCalendar.periodStart(korean("2023-01-29T00:00"), MONTHLY, 1))
            .isEqualTo(korean("2023-02-28T00:00"));
        assertThat(BillingCalendar.periodStart(korean("2023-01-29T00:00"), MONTHLY, 2))
            .isEqualTo(korean("2023-03-29T00:00"));
    }

    @Example
    void aYearlyPlanAnchoredOnALeapDayRenewsOnThe28thAndOnThe29thInLeapYears() {
        Instant leapDay = korean("2024-02-29T09:00");
        assertThat(BillingCalendar.periodStart(leapDay, YEARLY, 1)).isEqualTo(korean("2025-02-28T09:00"));
        assertThat(BillingCalendar.periodStart(leapDay, YEARLY, 3)).isEqualTo(korean("2027-02-28T09:00"));
        assertThat(BillingCalendar.periodStart(leapDay, YEARLY, 4)).isEqualTo(korean("2028-02-29T09:00"));
    }

    @Example
    void aPeriodBelongsToTheKoreanMonthItStartsIn() {
        // 23:30 on 31 January in Seoul is still January there, though February has begun
        // nowhere.
        assertThat(BillingCalendar.chargedMonth(korean("2025-01-31T23:30"))).isEqualTo(YearMonth.of(2025, 1));
        // 00:30 on 1 March in Seoul is 28 February in UTC; it is charged under March.
        assertThat(BillingCalendar.chargedMonth(korean("2025-03-01T00:30"))).isEqualTo(YearMonth.of(2025, 3));
    }

    @Example
    void aTrialEndsItsDaysLaterAtTheSameTime() {
        assertThat(BillingCalendar.trialEnd(korean("2024-02-20T18:00"), 14)).isEqualTo(korean("2024-03-05T18:00"));
    }

    @Example
    void prorationCountsTheDaysLeftIncludingTheDayOfTheChange() {
        Instant start = korean("2025-04-01T00:00");
        Instant end = korean("2025-05-01T00:00");
        assertThat(BillingCalendar.proration(10_000, 40_000, start, end, korean("2025-04-16T12:00"))).isEqualTo(15_000);
        assertThat(BillingCalendar.proration(10_000, 40_000, start, end, start)).isEqualTo(30_000);
        assertThat(BillingCalendar.proration(10_000, 40_000, start, end, korean("2025-04-30T23:00"))).isEqualTo(1_000);
        // 1,000 × 1 / 3 = 333.3 → 333; 2,000 × 1 / 3 = 666.7 → 667, half up in magnitude.
        Instant three = korean("2025-04-04T00:00");
        assertThat(BillingCalendar.proration(0, 1_000, start, three, korean("2025-04-03T00:00"))).isEqualTo(333);
        assertThat(BillingCalendar.proration(2_000, 0, start, three, korean("2025-04-03T00:00"))).isEqualTo(-667);
    }

    @Property
    void prorationIsAtMostTheDifferenceHasItsSignAndIsAntisymmetric(
            @ForAll @LongRange(min = 100, max = 10_000_000) long from,
            @ForAll @LongRange(min = 100, max = 10_000_000) long to, @ForAll @IntRange(min = 0, max = 40) int day) {
        Instant start = korean("2025-01-10T10:00");
        Instant end = BillingCalendar.periodStart(start, MONTHLY, 1);
        Instant at = inKorea(start).plusDays(day).toInstant();
        long up = BillingCalendar.proration(from, to, start, end, at);
        assertThat(Math.abs(up)).isLessThanOrEqualTo(Math.abs(to - from));
        assertThat(Long.signum(up)).isIn(0, Long.signum(to - from));
        assertThat(BillingCalendar.proration(to, from, start, end, at)).isEqualTo(-up);
        assertThat(BillingCalendar.proration(from, from, start, end, at)).isZero();
    }

}
