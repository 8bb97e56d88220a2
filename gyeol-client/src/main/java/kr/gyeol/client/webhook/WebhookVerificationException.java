package kr.gyeol.client.webhook;

/**
 * A webhook that did not come from the gateway, or came too late: a missing header, a
 * signature that does not match, or a timestamp outside the tolerance. Answer it with
 * HTTP 400 and do not act on it.
 */
public final class WebhookVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WebhookVerificationException(String message) {
        super(message);
    }

}
