package kr.gyeol.client;

import java.time.LocalDateTime;

/**
 * An approved refund.
 *
 * @param orderId the payment's order id
 * @param payType card or account
 * @param paymentAmount the payment's amount in won
 * @param amount the amount given back by this refund, in won
 * @param vat the VAT part of this refund
 * @param refundedAt when, Korean time
 * @param cardTradeNumber the card company's trade number of the cancel; null for accounts
 * @param cashReceiptCode for an account payment with a cash receipt, the code of its
 * automatic cancellation ({@code 0000} when it worked); else null
 * @param cashReceiptMessage the message that goes with {@code cashReceiptCode}
 * @param message the gateway's message
 */
public record Refund(String orderId, PayType payType, long paymentAmount, long amount, long vat,
        LocalDateTime refundedAt, String cardTradeNumber, String cashReceiptCode, String cashReceiptMessage,
        String message) {
}
