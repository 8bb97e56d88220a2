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
 */
package kr.gyeol.payment;
