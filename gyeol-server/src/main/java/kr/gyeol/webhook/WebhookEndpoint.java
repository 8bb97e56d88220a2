package kr.gyeol.webhook;

import kr.gyeol.shared.EventType;
import kr.gyeol.shared.PartnerId;

/**
 * A partner's webhook receivers and signing secret. {@link #toString()} hides the secret.
 *
 * @param resultUrl where payment, cancel and registration events go, or null
 * @param revocationUrl where revocation events go, or null
 * @param secret the Standard Webhooks signing secret, {@code whsec_…}
 * @param previousSecret the secret it replaced while that still signs beside it (a
 * rotation's overlap), else null
 */
public record WebhookEndpoint(PartnerId partnerId, String resultUrl, String revocationUrl, WebhookFormat format,
        String secret, String previousSecret) {

    public WebhookEndpoint(PartnerId partnerId, String resultUrl, String revocationUrl, WebhookFormat format,
            String secret) {
        this(partnerId, resultUrl, revocationUrl, format, secret, null);
    }

    /** The URL that hears of {@code type}, or null. */
    public String urlFor(EventType type) {
        return type.receiver() == EventType.Receiver.RESULT ? this.resultUrl : this.revocationUrl;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[partnerId=" + this.partnerId + ", resultUrl=" + this.resultUrl + ", revocationUrl="
                + this.revocationUrl + ", format=" + this.format + ", secret=hidden, previousSecret="
                + (this.previousSecret == null ? "none" : "hidden") + "]";
    }

}
