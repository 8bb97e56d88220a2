package kr.gyeol.client.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.gyeol.protocol.Fields;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks and reads Gyeol's webhooks. Gyeol signs each delivery the Standard Webhooks way
 * (standardwebhooks.com): {@code webhook-id}, {@code webhook-timestamp} (Unix seconds)
 * and {@code webhook-signature} ({@code v1,} and the base64 HMAC-SHA256 of
 * {@code id.timestamp.body} under the partner's {@code whsec_…} secret). Payple itself
 * does not sign its webhooks; against Payple use {@link #parse} alone.
 *
 * <p>
 * Immutable and thread-safe. Verify the raw body exactly as it arrived, before parsing it
 * or decoding it in any way.
 */
public final class Webhooks {

    /** How far a timestamp may be from now: 5 minutes, as Standard Webhooks suggests. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PREFIX = "whsec_";

    private final byte[] key;

    private final Clock clock;

    private final Duration tolerance;

    /**
     * A verifier for one partner's secret.
     * @param secret the signing secret, {@code whsec_…}, from the admin API
     */
    public Webhooks(String secret) {
        this(secret, Clock.systemUTC(), DEFAULT_TOLERANCE);
    }

    /**
     * A verifier with its own clock and tolerance.
     * @param secret the signing secret, {@code whsec_…}
     * @param clock the clock that judges the timestamp
     * @param tolerance how far the timestamp may be from the clock's now
     */
    public Webhooks(String secret, Clock clock, Duration tolerance) {
        Objects.requireNonNull(secret, "secret");
        try {
            this.key = Base64.getDecoder()
                .decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("A webhook secret is whsec_ and base64", ex);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /**
     * Checks a delivery's signature and age.
     * @param headers the request's headers by name, e.g. {@code request::getHeader}
     * @param body the raw body
     * @throws WebhookVerificationException when it is not genuine or too old
     */
    public void verify(Function<String, String> headers, String body) {
        String id = required(headers, "webhook-id");
        String timestamp = required(headers, "webhook-timestamp");
        String signatures = required(headers, "webhook-signature");
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        }
        catch (NumberFormatException ex) {
            throw new WebhookVerificationException("webhook-timestamp is not a number");
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        Instant now = this.clock.instant();
        if (sent.isBefore(now.minus(this.tolerance)) || sent.isAfter(now.plus(this.tolerance))) {
            throw new WebhookVerificationException("webhook-timestamp is outside the tolerance");
        }
        byte[] expected = hmac(id + "." + seconds + "." + body);
        // The header may carry several space-separated signatures while a secret rotates.
        for (String signature : signatures.trim().split(" +")) {
            if (!signature.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(3));
            }
            catch (IllegalArgumentException ex) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new WebhookVerificationException("No webhook-signature matches the body");
    }

    /**
     * Checks a delivery and reads it.
     * @param headers the request's headers by name
     * @param body the raw body
     * @param contentType the request's {@code Content-Type}
     */
    public WebhookEvent verifyAndParse(Function<String, String> headers, String body, String contentType) {
        verify(headers, body);
        return parse(body, contentType);
    }

    /**
     * Reads a webhook body, JSON or form-encoded, domestic or overseas, into its event.
     * @param contentType the request's {@code Content-Type}; a body starting with an
     * opening brace is read as JSON whatever it says
     * @throws IllegalArgumentException when the body is neither
     */
    public static WebhookEvent parse(String body, String contentType) {
        Map<String, String> fields = fields(body, contentType);
        String type = fields.get("type");
        if ("PAYMENT".equals(type)) {
            return new WebhookEvent.OverseasPaymentResult(fields);
        }
        if ("CANCEL".equals(type)) {
            return new WebhookEvent.OverseasCancelled(fields);
        }
        if (type != null && type.startsWith("SUBSCRIPTION_")) {
            return new WebhookEvent.SubscriptionEvent(fields);
        }
        if ("Y".equalsIgnoreCase(fields.get(Fields.PAYCANCEL_FLAG))) {
            return new WebhookEvent.Refunded(fields);
        }
        String work = fields.get(Fields.PAY_WORK);
        if ("PUSERDEL".equalsIgnoreCase(work)) {
            return new WebhookEvent.BillingKeyRevoked(fields);
        }
        if ("AUTH".equalsIgnoreCase(work)) {
            return new WebhookEvent.BillingKeyRegistered(fields);
        }
        if (fields.containsKey(Fields.PAY_OID) || fields.containsKey(Fields.PAY_RST)) {
            return new WebhookEvent.PaymentResult(fields);
        }
        throw new IllegalArgumentException("Not a Payple webhook body");
    }

    private static Map<String, String> fields(String body, String contentType) {
        Map<String, String> fields = new LinkedHashMap<>();
        String trimmed = body == null ? "" : body.trim();
        if (trimmed.startsWith("{") || (contentType != null && contentType.contains("json"))) {
            Map<String, Object> json;
            try {
                json = JSON.readValue(trimmed, new TypeReference<LinkedHashMap<String, Object>>() {
                });
            }
            catch (JacksonException ex) {
                throw new IllegalArgumentException("The webhook body is not a JSON object", ex);
            }
            flatten(json, fields);
            return fields;
        }
        for (String pair : trimmed.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    private static void flatten(Map<String, Object> json, Map<String, String> fields) {
        json.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                nested.forEach((key, inner) -> fields.put(String.valueOf(key), inner == null ? "" : inner.toString()));
            }
            else {
                fields.put(name, value == null ? "" : value.toString());
            }
        });
    }

    static long amount(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static String required(Function<String, String> headers, String name) {
        String value = headers.apply(name);
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException("Missing header " + name);
        }
        return value;
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }

}
