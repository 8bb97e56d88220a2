package kr.gyeol.client;

import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import kr.gyeol.protocol.GpayFields;

/**
 * The overseas card API ("gpay", spec §5): tokens, billing-key payments, cancels and
 * lookups. Get it from {@link GyeolClient#overseas()}. Each payment and cancel gets a
 * fresh token, as Payple requires; lookups share one while it lasts. A payment whose
 * outcome is unknown is looked up by its order id, never sent again.
 */
public final class Overseas {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Lookups stop using a token this long before it expires. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final Wire wire;

    private final Settings settings;

    private final Clock clock;

    private final OrderIds orderIds;

    private final AtomicReference<OverseasToken> lookupToken = new AtomicReference<>();

    Overseas(Wire wire, Settings settings, Clock clock, OrderIds orderIds) {
        this.wire = wire;
        this.settings = settings;
        this.clock = clock;
        this.orderIds = orderIds;
    }

    /**
     * Asks for an access token, e.g. for the payment window. Retried like a read.
     * @throws AuthenticationException when the service id or key is refused
     */
    public OverseasToken token() {
        String serviceId = serviceId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(GpayFields.SERVICE_ID, serviceId);
        body.put(GpayFields.SERVICE_KEY, this.settings.overseasServiceKey());
        body.put(GpayFields.CODE, code());
        Map<String, Object> answer = this.wire.post(uri("/gpay/oauth/1.0/token"), body, Map.of(), true, null);
        if (!"T0000".equals(answer.get(GpayFields.RESULT))) {
            throw Codes.refusal(text(answer, GpayFields.RESULT), text(answer, GpayFields.MESSAGE), null);
        }
        long seconds = 600;
        try {
            seconds = Long.parseLong(String.valueOf(answer.getOrDefault(GpayFields.EXPIRES_IN, "600")).trim());
        }
        catch (NumberFormatException ex) {
            // Payple documents 600 seconds; keep that when the answer says otherwise.
        }
        String payCls = text(answer, "payCls");
        return new OverseasToken(text(answer, GpayFields.ACCESS_TOKEN), text(answer, GpayFields.TOKEN_TYPE),
                payCls == null || payCls.isEmpty() ? null : payCls, this.clock.instant().plusSeconds(seconds));
    }

    /**
     * Charges a billing key.
     * @return the approved payment, or the decline
     * @throws DuplicateOrderException when the order id was used before
     * @throws OutcomeUnknownException when neither the charge nor a lookup could tell how
     * it ended
     */
    public OverseasChargeResult charge(OverseasCharge charge) {
        String orderId = charge.orderId() != null ? charge.orderId() : this.orderIds.next();
        OverseasToken token = token();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(GpayFields.SERVICE_ID, serviceId());
        body.put(GpayFields.SERVICE_OID, orderId);
        body.put(GpayFields.COMMENTS, charge.comments());
        body.put(GpayFields.BILLING_KEY, charge.billingKey());
        if (charge.securityCode() != null) {
            body.put("securityCode", charge.securityCode());
        }
        body.put(GpayFields.TOTAL_AMOUNT, charge.amount().toPlainString());
        body.put(GpayFields.CURRENCY, charge.currency());
        putIfPresent(body, GpayFields.FIRST_NAME, charge.firstName());
        putIfPresent(body, GpayFields.LAST_NAME, charge.lastName());
        putIfPresent(body, GpayFields.EMAIL, charge.email());
        Map<String, Object> answer;
        try {
            answer = this.wire.post(uri("/gpay/billingKey"), body, bearer(token), false, orderId);
        }
        catch (OutcomeUnknownException noAnswer) {
            return settle(orderId, noAnswer);
        }
        String code = text(answer, GpayFields.RESULT);
        if ("A0000".equals(code)) {
            return new OverseasChargeResult.Approved(payment(answer));
        }
        if (Codes.declined(code)) {
            return new OverseasChargeResult.Declined(orderId, text(answer, GpayFields.API_ID), code,
                    text(answer, GpayFields.MESSAGE));
        }
        if (Codes.unknown(code)) {
            return settle(orderId, new OutcomeUnknownException(code, text(answer, GpayFields.MESSAGE), orderId,
                    "The payment's outcome is not known yet", null));
        }
        throw Codes.refusal(code, text(answer, GpayFields.MESSAGE), orderId);
    }

    /**
     * Cancels an overseas payment in full or in part. Never retried.
     * @throws InvalidRequestException when the amount exceeds what remains, the currency
     * differs or there is no such payment
     * @throws OutcomeUnknownException when the card company has not answered; the gateway
     * settles it, so do not send the cancel again
     */
    public OverseasRefund refund(OverseasRefundRequest request) {
        OverseasToken token = token();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(GpayFields.SERVICE_ID, serviceId());
        body.put(GpayFields.SERVICE_OID, request.orderId());
        putIfPresent(body, GpayFields.PAY_ID, request.payId());
        body.put(GpayFields.TOTAL_AMOUNT, request.amount().toPlainString());
        body.put(GpayFields.CURRENCY, request.currency());
        putIfPresent(body, GpayFields.COMMENTS, request.comments());
        Map<String, Object> answer = this.wire.post(uri("/gpay/cancel"), body, bearer(token), false, request.orderId());
        String code = text(answer, GpayFields.RESULT);
        if (!"A0000".equals(code)) {
            throw Codes.refusal(code, text(answer, GpayFields.MESSAGE), request.orderId());
        }
        Map<String, Object> info = info(answer);
        return new OverseasRefund(text(answer, GpayFields.API_ID),
                WireText.dashedTime(text(answer, GpayFields.API_DATE)), text(info, GpayFields.SERVICE_OID),
                decimal(text(info, GpayFields.TOTAL_AMOUNT)), text(info, GpayFields.CURRENCY));
    }

    /**
     * Looks a payment up by its id or order id; shows it as it completed, not its later
     * cancels (spec §5.5).
     * @param payId the payment's id, or null
     * @param orderId the order id, or null (one of the two is needed)
     * @return how it ended, or empty when there is no such payment
     * @throws OutcomeUnknownException when its outcome is not known yet
     */
    public Optional<OverseasChargeResult> lookup(String payId, String orderId) {
        if (payId == null && orderId == null) {
            throw new IllegalArgumentException("Look a payment up by its payId or its orderId");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(GpayFields.SERVICE_ID, serviceId());
        putIfPresent(body, GpayFields.PAY_ID, payId);
        putIfPresent(body, GpayFields.SERVICE_OID, orderId);
        OverseasToken token = lookupToken();
        Map<String, Object> answer = this.wire.post(uri("/gpay/paymentResult"), body, bearer(token), true, orderId);
        String code = text(answer, GpayFields.RESULT);
        if (code != null && code.startsWith("T03")) {
            // The token ran out (or the gateway forgot it): one fresh token, once.
            this.lookupToken.compareAndSet(token, null);
            answer = this.wire.post(uri("/gpay/paymentResult"), body, bearer(lookupToken()), true, orderId);
            code = text(answer, GpayFields.RESULT);
        }
        if ("A0000".equals(code)) {
            return Optional.of(new OverseasChargeResult.Approved(payment(answer)));
        }
        if (Codes.OVERSEAS_NOT_FOUND.equals(code)) {
            return Optional.empty();
        }
        if (Codes.declined(code)) {
            Map<String, Object> info = info(answer);
            return Optional
                .of(new OverseasChargeResult.Declined(orderId != null ? orderId : text(info, GpayFields.SERVICE_OID),
                        text(answer, GpayFields.API_ID), code, text(answer, GpayFields.MESSAGE)));
        }
        if (Codes.unknown(code)) {
            throw new OutcomeUnknownException(code, text(answer, GpayFields.MESSAGE), orderId,
                    "The payment's outcome is not known yet", null);
        }
        throw Codes.refusal(code, text(answer, GpayFields.MESSAGE), orderId);
    }

    private OverseasChargeResult settle(String orderId, OutcomeUnknownException cause) {
        Optional<OverseasChargeResult> found;
        try {
            found = lookup(null, orderId);
        }
        catch (OutcomeUnknownException stillUnknown) {
            stillUnknown.addSuppressed(cause);
            throw stillUnknown;
        }
        return found.orElseThrow(() -> cause.code() != null
                ? new OutcomeUnknownException(cause.code(), cause.gatewayMessage(), orderId,
                        "The payment's outcome is not known, and no payment is recorded under its order id yet", cause)
                : new OutcomeUnknownException(null, null, orderId,
                        "No answer to the payment, and no payment found under its order id yet", cause));
    }

    private OverseasToken lookupToken() {
        OverseasToken current = current(this.lookupToken.get());
        if (current != null) {
            return current;
        }
        // One thread asks for the token the others then share.
        synchronized (this.lookupToken) {
            current = current(this.lookupToken.get());
            if (current != null) {
                return current;
            }
            OverseasToken fresh = token();
            this.lookupToken.set(fresh);
            return fresh;
        }
    }

    private OverseasToken current(OverseasToken token) {
        return token != null && token.expiresAt().minus(MARGIN).isAfter(this.clock.instant()) ? token : null;
    }

    private String serviceId() {
        if (this.settings.overseasServiceId() == null) {
            throw new IllegalStateException(
                    "The overseas API needs its service id: GyeolClient.builder().overseasService(id, key)");
        }
        return this.settings.overseasServiceId();
    }

    private URI uri(String path) {
        return URI.create(this.settings.hosts().overseas() + path);
    }

    private static Map<String, String> bearer(OverseasToken token) {
        return Map.of("Authorization", "Bearer " + token.accessToken());
    }

    /** A new 10-letter-and-digit {@code code}, as the token call requires (T0211). */
    static String code() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return code.toString();
    }

    static OverseasPayment payment(Map<String, Object> answer) {
        Map<String, Object> info = info(answer);
        return new OverseasPayment(text(answer, GpayFields.API_ID),
                WireText.dashedTime(text(answer, GpayFields.API_DATE)), text(info, GpayFields.SERVICE_OID),
                text(info, GpayFields.COMMENTS), text(info, GpayFields.BILLING_KEY),
                decimal(text(info, GpayFields.TOTAL_AMOUNT)), text(info, GpayFields.CURRENCY),
                empty(text(info, GpayFields.FIRST_NAME)), empty(text(info, GpayFields.LAST_NAME)),
                empty(text(info, GpayFields.EMAIL)), text(info, GpayFields.CARD_NUMBER),
                WireText.dashedTime(text(info, GpayFields.SUBMIT_TIME_UTC)), empty(text(answer, "serviceDefine")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> info(Map<String, Object> answer) {
        Object info = answer.get(GpayFields.INFO);
        // The window posts the same fields flat; read them from the top then.
        return info instanceof Map<?, ?> nested ? (Map<String, Object>) nested : answer;
    }

    static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static String empty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static void putIfPresent(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

}
