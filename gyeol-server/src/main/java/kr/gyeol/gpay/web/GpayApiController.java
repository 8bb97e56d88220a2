package kr.gyeol.gpay.web;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.gpay.GpayRefused;
import kr.gyeol.gpay.GpayTokens;
import kr.gyeol.protocol.GpayCode;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

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

    GpayApiController(GpayTokens tokens, GpayCalls payments, LenientBodyParser parser) {
        this.tokens = tokens;
        this.payments = payments;
        this.parser = parser;
    }

    @PostMapping(path = "/gpay/billingKey", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, ?> billingKey(HttpServletRequest servletRequest) {
        WireRequest request = this.parser.parse(servletRequest);
        return authorized(servletRequest, request, (partner) -> {
            GpayOrder order = order(partner, request);
            String billingKey = request.get("billing_key");
            if (order == null || billingKey == null) {
                return GpayAnswers.error(GpayCode.A0201);
            }
            return this.payments.charge(order, BillingKeyId.of(billingKey), request.get("securityCode"), false);
        });
    }

    @PostMapping(path = "/gpay/paymentResult", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, ?> paymentResult(HttpServletRequest servletRequest) {
        WireRequest request = this.parser.parse(servletRequest);
        return authorized(servletRequest, request, (partner) -> {
            if (request.get("pay_id") == null && request.get("service_oid") == null) {
                return GpayAnswers.error(GpayCode.A0201);
            }
            return this.payments.find(partner, request.get("pay_id"), request.get("service_oid"))
                .map(GpayAnswers::payment)
                .orElseGet(() -> GpayAnswers.error(GpayCode.A0204));
        });
    }

    @PostMapping(path = "/gpay/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, ?> cancel(HttpServletRequest servletRequest) {
        WireRequest request = this.parser.parse(servletRequest);
        return authorized(servletRequest, request, (partner) -> {
            String currency = request.get("currency") == null ? null : request.get("currency").trim().toUpperCase();
            Optional<Money> amount = GpayAmount.parse(request.get("totalAmount"), currency);
            if (amount.isEmpty() || request.get("pay_id") == null && request.get("service_oid") == null) {
                return GpayAnswers.error(GpayCode.A0201);
            }
            return this.payments.cancel(partner, request.get("pay_id"), request.get("service_oid"), amount.get(),
                    request.get("comments"), request.get("resultUrl"));
        });
    }

    /**
     * Runs a call for the partner the bearer token speaks for; a refusal, of the token or
     * of the call, is answered with its code.
     */
    private Map<String, ?> authorized(HttpServletRequest servletRequest, WireRequest request,
            Function<PartnerId, Map<String, ?>> call) {
        try {
            return call
                .apply(this.tokens.authorize(servletRequest.getHeader("Authorization"), request.get("service_id")));
        }
        catch (GpayRefused ex) {
            return GpayAnswers.error(GpayAnswers.code(ex.reason()));
        }
        catch (RuntimeException ex) {
            // Failures after the network was asked are answered A0303 by the payment
            // engine itself; anything that reaches here happened before it, so nothing
            // was charged or cancelled and the call may be made again.
            log.error("Overseas call to {} failed before the network was asked: {}", servletRequest.getRequestURI(),
                    ex.getClass().getSimpleName());
            return GpayAnswers.error(GpayCode.A0201,
                    "Temporary failure: nothing was charged or cancelled. Send the same request again.");
        }
    }

    /** The order fields shared by the window and the billing-key payment, or null. */
    static GpayOrder order(PartnerId partnerId, WireRequest request) {
        String currency = request.get("currency") == null ? null : request.get("currency").trim().toUpperCase();
        Optional<Money> amount = GpayAmount.parse(request.get("totalAmount"), currency);
        String comments = request.get("comments");
        if (amount.isEmpty() || comments == null || comments.isBlank()) {
            return null;
        }
        return new GpayOrder(partnerId.value(), request.get("service_oid"), comments, amount.get().amount(), currency,
                request.get("firstName"), request.get("lastName"), request.get("email"), request.get("serviceDefine"),
                request.get("resultUrl"));
    }

}
