package kr.gyeol.refund;

import kr.gyeol.payment.Payment;
import kr.gyeol.payment.AfterRefund;

/**
 * A refund with the payment it belongs to and what remains refundable after it.
 *
 * @param remaining amount still refundable
 * @param receipt what the refund did to the payment's cash receipt
 */
public record RefundResult(Refund refund, Payment payment, long remaining, AfterRefund receipt) {
}
