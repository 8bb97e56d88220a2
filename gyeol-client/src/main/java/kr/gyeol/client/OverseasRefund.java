package kr.gyeol.client;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * An approved overseas cancel.
 *
 * @param cancelId the cancel's id ({@code api_id})
 * @param cancelledAt when, Korean time
 * @param orderId the payment's order id
 * @param amount the amount given back
 * @param currency the currency
 */
public record OverseasRefund(String cancelId, LocalDateTime cancelledAt, String orderId, BigDecimal amount,
        String currency) {
}
