/**
 * Idempotency-Key, an extension beside Payple's order-id dedupe: the first answer to a
 * state-changing call is kept with a hash of the request and replayed to every retry with
 * the same key, per partner, across nodes.
 */
package kr.gyeol.idempotency;
