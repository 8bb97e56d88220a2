package kr.gyeol.client;

/**
 * A cash receipt as issued or cancelled.
 *
 * @param orderId the payment's order id
 * @param amount the amount it was issued for, in won
 * @param vat its VAT part
 * @param managementNumber the National Tax Service's number for it
 * @param message the gateway's message
 */
public record CashReceipt(String orderId, long amount, long vat, String managementNumber, String message) {
}
