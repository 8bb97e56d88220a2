/**
 * Webhooks: each partner's receivers, the outbox written with every state change, the
 * workers that deliver it with retries and signatures, the delivery log and replay.
 */
package kr.gyeol.webhook;
