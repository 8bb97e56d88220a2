package kr.gyeol.payment;

import java.time.LocalDate;

/**
 * One Korean day of a partner's payments, for the console's dashboard.
 *
 * @param approvedAmount the sum of approved payments in KRW (overseas ones are counted,
 * not added)
 */
public record DailyTotals(LocalDate day, long payments, long approved, long declined, long approvedAmount,
        long refundedAmount) {
}
