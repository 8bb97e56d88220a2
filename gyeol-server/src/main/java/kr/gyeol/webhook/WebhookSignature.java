package kr.gyeol.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import kr.gyeol.shared.Tokens;

/**
 * Signatures in the Standard Webhooks form (standardwebhooks.com): the secret is
 * {@code whsec_} and base64 key bytes; the signature is {@code v1,} and the base64
 * HMAC-SHA256 of {@code id.timestamp.body}.
 */
public final class WebhookSignature {

    static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** A new random secret. */
    public static String newSecret() {
        return PREFIX + Tokens.base64(24);
    }

    /** The {@code webhook-signature} header value. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        byte[] signature = Tokens.hmacSha256(key,
                (id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signature);
    }

}
