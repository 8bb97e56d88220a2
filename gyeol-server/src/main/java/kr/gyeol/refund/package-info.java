/**
 * Full and partial cancels of approved payments, as records of their own pointing at the
 * payment. The refundable balance is derived from them under a row lock on the payment,
 * so concurrent refunds of one payment run one at a time and never exceed what was paid.
 *
 * <pre>
 * stateDiagram-v2
 *   [*] --> PENDING: reserved under the payment's row lock
 *   PENDING --> APPROVED
 *   PENDING --> DECLINED: released from the balance
 *   PENDING --> UNKNOWN: still counted against the balance
 * </pre>
 */
package kr.gyeol.refund;
