package kr.gyeol.gpay.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.gpay.GpayRefused;
import kr.gyeol.gpay.GpayTokens;
import kr.gyeol.idempotency.IdempotencyKeys;
import kr.gyeol.protocol.GpayCode;
import kr.gyeol.protocol.GpayFields;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.CommitAttempts;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.web.Idempotency;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overseas API's server calls after the token: billing-key payment (spec §5.3) and
 * result lookup (§5.5). JSON in and out, HTTP 200, the outcome in {@code result}.
 */
@RestController
class GpayApiController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GpayApiController.class);

    private final GpayTokens tokens;

    private final GpayCalls payments;

    private final LenientBodyParser parser;

    private final IdempotencyKeys idempotency;

    private final JsonMapper json;

    GpayApiController(GpayTokens tokens, GpayCalls payments, LenientBodyParser parser, IdempotencyKeys idempotency,
            JsonMapper json) {
        this.idempotency = idempotency;
        this.json = json;
        this.tokens = tokens;
        this.payments = payments;
        this.parser = parser;
    }

    @PostMapping(path = "/gpay/billingKey", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, ?> billingKey(HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
        WireRequest request = this.parser.parse(servletRequest);
        return authorized(servletRequest, request,
                (partner) -> once(servletRequest, servletResponse, request, partner, () -> {
                    GpayOrder order = order(partner, request);
                    String billingKey = request.get(GpayFields.BILLING_KEY);
                    if (order == null || billingKey == null) {
                        return GpayAnswers.error(GpayCode.A0201);
                    }
                    return this.payments.charge(order, BillingKeyId.of(billingKey), request.get("securityCode"), false);
                }));
    }

    @PostMapping(path = "/gpay/paymentResult", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, ?> paymentResult(HttpServletRequest servletRequest) {
        WireRequest request = this.parser.parse(servletRequest);
        return authorized(servletRequest, request, (partner) -> {
            if (request.get(GpayFields.PAY_ID) == null && request.get(GpayFields.SERVICE_OID) == null) {
                return GpayAnswers.error(GpayCode.A0201);
            }
            return this.payments.find(partner, request.get(GpayFields.PAY_ID), request.get(GpayFields.SERVICE_OID))
                .map(GpayAnswers::payment)
                .orElseGet(() -> GpayAnswers.error(GpayCode.A0204));
        });
    }

    @PostMapping(path = "/gpay/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, ?> cancel(HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
        WireRequest request = this.parser.parse(servletRequest);
        return authorized(servletRequest, request,
                (partner) -> once(servletRequest, servletResponse, request, partner, () -> cancel(partner, request)));
    }

    private Map<String, ?> cancel(PartnerId partner, WireRequest request) {
        String currency = request.get(GpayFields.CURRENCY) == null ? null
                : request.get(GpayFields.CURRENCY).trim().toUpperCase();
        Optional<Money> amount = GpayAmount.parse(request.get(GpayFields.TOTAL_AMOUNT), currency);
        if (amount.isEmpty() || request.get(GpayFields.PAY_ID) == null && request.get(GpayFields.SERVICE_OID) == null) {
            return GpayAnswers.error(GpayCode.A0201);
        }
        return this.payments.cancel(partner, request.get(GpayFields.PAY_ID), request.get(GpayFields.SERVICE_OID),
                amount.get(), request.get(GpayFields.COMMENTS), request.get(GpayFields.RESULT_URL));
    }

    /**
     * A charge or cancel with an {@code Idempotency-Key}: run once per partner and key,
     * its first answer given again to a retry (marked {@code Idempotent-Replayed}),
     * another request under the key refused, a duplicate of a call still running told so.
     */
    private Map<String, ?> once(HttpServletRequest servletRequest, HttpServletResponse servletResponse,
            WireRequest request, PartnerId partner, Supplier<Map<String, ?>> call) {
        String key = servletRequest.getHeader(Idempotency.HEADER);
        if (key == null) {
            return call.get();
        }
        if (!IdempotencyKeys.valid(key)) {
            return GpayAnswers.error(GpayCode.A0201, "Idempotency-Key is 1 to 255 printable ASCII characters.");
        }
        Idempotency.Once once = Idempotency.once(this.idempotency, partner, key,
                Idempotency.hash(servletRequest.getRequestURI(), request.fields()), MediaType.APPLICATION_JSON_VALUE,
                () -> this.json.writeValueAsBytes(call.get()), (failure) -> {
                    log.error("Overseas call to {} failed after a write: {}", servletRequest.getRequestURI(),
                            failure.getClass().getSimpleName());
                    return this.json.writeValueAsBytes(GpayAnswers.error(GpayCode.A0303));
                });
        return switch (once) {
            case Idempotency.Once.Answered answered -> {
                if (answered.replayed()) {
                    servletResponse.setHeader(Idempotency.REPLAYED, "true");
                }
                yield this.json.readValue(answered.body(), new TypeReference<LinkedHashMap<String, Object>>() {
                });
            }
            case Idempotency.Once.Reused reused -> GpayAnswers.error(GpayCode.A0201,
                    "This Idempotency-Key was used for another request; use a new key for a new request.");
            case Idempotency.Once.Running running -> GpayAnswers.error(GpayCode.A0201,
                    "The first request with this Idempotency-Key has not answered yet; retry it shortly.");
        };
    }

    /**
     * Runs a call for the partner the bearer token speaks for; a refusal, of the token or
     * of the call, is answered with its code.
     */
    private Map<String, ?> authorized(HttpServletRequest servletRequest, WireRequest request,
            Function<PartnerId, Map<String, ?>> call) {
        try {
            CommitAttempts.reset();
            return call.apply(this.tokens.authorize(servletRequest.getHeader("Authorization"),
                    request.get(GpayFields.SERVICE_ID)));
        }
        catch (GpayRefused ex) {
            return GpayAnswers.error(GpayAnswers.code(ex.reason()));
        }
        catch (RuntimeException ex) {
            if (CommitAttempts.attempted()) {
                // A write was committed, or tried to be: the charge or cancel may exist.
                log.error("Overseas call to {} failed after a write: {}", servletRequest.getRequestURI(),
                        ex.getClass().getSimpleName());
                return GpayAnswers.error(GpayCode.A0303);
            }
            // Nothing was written, provably, so nothing was charged or cancelled and the
            // call may be made again.
            log.error("Overseas call to {} failed before anything was written: {}", servletRequest.getRequestURI(),
                    ex.getClass().getSimpleName());
            return GpayAnswers.error(GpayCode.A0201,
                    "Temporary failure: nothing was charged or cancelled. Send the same request again.");
        }
    }

    /** The order fields shared by the window and the billing-key payment, or null. */
    static GpayOrder order(PartnerId partnerId, WireRequest request) {
        if (request.isMalformed()) {
            // A value the parser could not take (a NUL, an array or object, over 4,096
            // characters) is absent from the fields: an order id so sent would be
            // replaced by a generated one, and the same request sent twice charge twice.
            return null;
        }
        String currency = request.get(GpayFields.CURRENCY) == null ? null
                : request.get(GpayFields.CURRENCY).trim().toUpperCase();
        Optional<Money> amount = GpayAmount.parse(request.get(GpayFields.TOTAL_AMOUNT), currency);
        String comments = request.get(GpayFields.COMMENTS);
        if (amount.isEmpty() || comments == null || comments.isBlank()) {
            return null;
        }
        return new GpayOrder(partnerId.value(), request.get(GpayFields.SERVICE_OID), comments, amount.get().amount(),
                currency, request.get(GpayFields.FIRST_NAME), request.get(GpayFields.LAST_NAME),
                request.get(GpayFields.EMAIL), request.get("serviceDefine"), request.get(GpayFields.RESULT_URL));
    }

}
