/**
 * Payments and their state machine: billing-key charges over REST, order-id uniqueness
 * per partner, monthly duplicate prevention, VAT, result lookup, and the reconciler that
 * settles charges whose network outcome was unknown.
 *
 * <pre>
 * stateDiagram-v2
 *   [*] --> PENDING: row written, before the network call
 *   PENDING --> APPROVED
 *   PENDING --> DECLINED
 *   PENDING --> UNKNOWN: no answer, or the node died
 *   UNKNOWN --> APPROVED: reconciler asked the network
 *   UNKNOWN --> DECLINED: reconciler asked the network
 * </pre>
 *
 * <p>
 * Cash receipts (현금영수증, spec §1.12, §4.8) are part of a payment: the ledger of receipts
 * issued for account payments, at most one standing per payment, cancelled or re-issued
 * for what a partial refund leaves, every change under the payment's row lock
 * ({@link kr.gyeol.payment.PaymentReceipts}). Gyeol simulates the National Tax Service:
 * receipts are numbered like Payple's test receipts ({@code test} and 14 digits) and no
 * tax authority is called.
 */
package kr.gyeol.payment;
