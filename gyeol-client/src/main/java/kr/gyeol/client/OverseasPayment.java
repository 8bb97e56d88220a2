package kr.gyeol.client;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * An approved overseas payment (spec §5.3).
 *
 * @param payId the payment's id ({@code api_id}), used to cancel it
 * @param paidAt when, Korean time ({@code api_date})
 * @param orderId the order id ({@code service_oid})
 * @param comments the goods name
 * @param billingKey the billing key
 * @param amount the amount
 * @param currency the currency
 * @param firstName the holder's first name
 * @param lastName the holder's last name
 * @param email the e-mail
 * @param maskedCardNumber the card number, masked
 * @param submittedAtUtc when it was submitted, UTC
 * @param serviceDefine the partner's free field
 */
public record OverseasPayment(String payId, LocalDateTime paidAt, String orderId, String comments, String billingKey,
        BigDecimal amount, String currency, String firstName, String lastName, String email, String maskedCardNumber,
        LocalDateTime submittedAtUtc, String serviceDefine) {
}
