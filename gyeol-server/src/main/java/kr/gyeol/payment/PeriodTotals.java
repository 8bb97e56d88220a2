package kr.gyeol.payment;

import java.time.LocalDateTime;

/**
 * One Korean day or hour of a partner's payments, for the console's dashboard.
 *
 * @param start where the day or hour starts, Korean time
 * @param approvedAmount the sum of approved payments in KRW (overseas ones are counted,
 * not added)
 */
public record PeriodTotals(LocalDateTime start, long payments, long approved, long declined, long approvedAmount,
        long refundedAmount) {
}
