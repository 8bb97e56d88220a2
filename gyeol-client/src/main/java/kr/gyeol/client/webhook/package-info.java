/**
 * Receiving Gyeol's webhooks: {@link kr.gyeol.client.webhook.Webhooks} checks the
 * Standard Webhooks signature headers and reads a domestic or overseas body into a
 * {@link kr.gyeol.client.webhook.WebhookEvent}.
 */
package kr.gyeol.client.webhook;
