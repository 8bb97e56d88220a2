package kr.gyeol.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gyeol.protocol.Fields;

/**
 * The domestic partner-auth dance (spec §1.2, §1.3): {@code auth.php} with the flags of
 * the operation, then the call to the {@code return_url} it hands back with the session's
 * {@code PCD_CST_ID}, {@code PCD_CUST_KEY} and {@code PCD_AUTH_KEY}. Payments, cancels
 * and registrations authenticate afresh each time, as Payple requires; lookup sessions
 * are reused while they last (spec §4.1).
 */
final class Domestic {

    /**
     * Payple's lookup sessions last 30 minutes; the client stops using one a bit earlier.
     */
    static final Duration REUSE = Duration.ofMinutes(25);

    private static final Pattern BRACKETED_CODE = Pattern.compile("\\[([A-Z]{4}[A-Z0-9]{3,4})\\]");

    /** A session from {@code auth.php}. */
    record Session(String cstId, String custKey, String authKey, URI returnUrl, Instant issuedAt) {

        Map<String, Object> envelope(Map<String, ?> body) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put(Fields.CST_ID, this.cstId);
            request.put(Fields.CUST_KEY, this.custKey);
            request.put(Fields.AUTH_KEY_FIELD, this.authKey);
            request.putAll(body);
            return request;
        }

        @Override
        public String toString() {
            return "Session[returnUrl=" + this.returnUrl + ", issuedAt=" + this.issuedAt + "]";
        }

    }

    private final Wire wire;

    private final Settings settings;

    private final Clock clock;

    private final Map<Map<String, String>, Session> reusable = new ConcurrentHashMap<>();

    Domestic(Wire wire, Settings settings, Clock clock) {
        this.wire = wire;
        this.settings = settings;
        this.clock = clock;
    }

    Settings settings() {
        return this.settings;
    }

    Clock clock() {
        return this.clock;
    }

    /**
     * Authenticates for one operation. Asking for a session changes nothing at the
     * gateway, so it is retried like a read.
     */
    Session authenticate(Map<String, String> flags) {
        Map<String, String> answer = authAnswer(flags);
        String returnUrl = answer.get(Fields.RETURN_URL);
        if (returnUrl == null) {
            throw new OutcomeUnknownException(null, null, null, "auth.php answered without a return_url", null);
        }
        return new Session(answer.get(Fields.AUTH_CST_ID), answer.get(Fields.AUTH_CUST_KEY),
                answer.get(Fields.AUTH_KEY), URI.create(returnUrl), this.clock.instant());
    }

    /**
     * The {@code auth.php} answer as it came, once it says success.
     * @throws AuthenticationException when it does not
     */
    Map<String, String> authAnswer(Map<String, String> flags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.AUTH_CST_ID, this.settings.partnerId());
        body.put(Fields.AUTH_CUST_KEY, this.settings.partnerKey());
        body.putAll(flags);
        Map<String, String> answer = Wire.strings(this.wire
            .post(URI.create(this.settings.hosts().domestic() + "/php/auth.php"), body, headers(), true, null));
        if (!"success".equals(answer.get(Fields.AUTH_RESULT))) {
            String message = answer.get(Fields.AUTH_RESULT_MSG);
            String code = answer.get(Fields.AUTH_CODE);
            if (code == null && message != null) {
                Matcher matcher = BRACKETED_CODE.matcher(message);
                code = matcher.find() ? matcher.group(1) : null;
            }
            throw new AuthenticationException(code, message);
        }
        return answer;
    }

    /**
     * A session for a read that Payple lets one session serve many times; a new one once
     * the last is {@link #REUSE} old.
     */
    Session reusableSession(Map<String, String> flags) {
        Session cached = current(this.reusable.get(flags));
        if (cached != null) {
            return cached;
        }
        // One thread authenticates while the others wait for its session, so that many
        // concurrent lookups do not each ask auth.php for one.
        synchronized (this.reusable) {
            cached = current(this.reusable.get(flags));
            if (cached != null) {
                return cached;
            }
            Session fresh = authenticate(flags);
            this.reusable.put(flags, fresh);
            return fresh;
        }
    }

    private Session current(Session session) {
        return session != null && session.issuedAt().plus(REUSE).isAfter(this.clock.instant()) ? session : null;
    }

    /** Forgets a reusable session the gateway no longer accepts. */
    void forget(Map<String, String> flags, Session session) {
        this.reusable.remove(flags, session);
    }

    /** Posts an operation under {@code session}. */
    Map<String, String> call(Session session, Map<String, ?> body, boolean idempotent, String orderId) {
        return call(session.returnUrl(), session.envelope(body), idempotent, orderId);
    }

    /**
     * Posts a state-changing operation under {@code session} with an
     * {@code Idempotency-Key}: a partner that sends the same request again under the same
     * key (after an unknown outcome) gets the first answer, never a second change.
     */
    Map<String, String> change(Session session, Map<String, ?> body, String orderId, String idempotencyKey) {
        Map<String, String> headers = new java.util.HashMap<>(headers());
        headers.put(IDEMPOTENCY_KEY, idempotencyKey);
        return Wire.strings(this.wire.post(session.returnUrl(), session.envelope(body), headers, false, orderId));
    }

    /** The header Gyeol keeps a state-changing call's first answer by. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** A new key for one call (and the partner's retries of it). */
    static String newIdempotencyKey() {
        return "gyeol-" + java.util.UUID.randomUUID();
    }

    /** Posts a body that already carries its envelope. */
    Map<String, String> call(URI uri, Map<String, ?> body, boolean idempotent, String orderId) {
        return Wire.strings(this.wire.post(uri, body, headers(), idempotent, orderId));
    }

    /**
     * Authenticates for {@code flags} and posts {@code body} once, under a new
     * Idempotency-Key.
     */
    Map<String, String> once(Map<String, String> flags, Map<String, ?> body, String orderId) {
        return change(authenticate(flags), body, orderId, newIdempotencyKey());
    }

    /**
     * A read under a reusable session: when the gateway says the session is over, one new
     * session is asked for and the read sent again.
     */
    Map<String, String> read(Map<String, String> flags, Map<String, ?> body, String orderId) {
        Session session = reusableSession(flags);
        Map<String, String> answer = call(session, body, true, orderId);
        if (sessionRefused(answer.get(Fields.PAY_CODE))) {
            forget(flags, session);
            answer = call(reusableSession(flags), body, true, orderId);
        }
        return answer;
    }

    private static boolean sessionRefused(String code) {
        return "CBIL0002".equals(code) || "CBIL0001".equals(code);
    }

    /** The exception for a refused answer. */
    static GyeolException refusal(Map<String, String> answer, String orderId) {
        return Codes.refusal(answer.get(Fields.PAY_CODE), answer.get(Fields.PAY_MSG), orderId);
    }

    static boolean succeeded(Map<String, String> answer) {
        return "success".equalsIgnoreCase(answer.get(Fields.PAY_RST));
    }

    private Map<String, String> headers() {
        return this.settings.referer() == null ? Map.of() : Map.of("Referer", this.settings.referer());
    }

}
