package kr.gyeol.gpay.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import kr.gyeol.gpay.GpayRefused;
import kr.gyeol.payment.Payment;
import kr.gyeol.refund.Refund;
import kr.gyeol.protocol.GpayCode;
import kr.gyeol.shared.KoreanTime;

/**
 * The answers of the overseas API (spec §5.2, §5.3): nested JSON, or flat for the window.
 */
final class GpayAnswers {

    private static final DateTimeFormatter KST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(KoreanTime.ZONE);

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private GpayAnswers() {
    }

    /** The API's result code for a refused token request or token. */
    static GpayCode code(GpayRefused.Reason reason) {
        return switch (reason) {
            case SERVICE_ID_MISSING -> GpayCode.T0200;
            case SERVICE_KEY_MISSING -> GpayCode.T0201;
            case CODE_MISSING -> GpayCode.T0210;
            case CODE_MALFORMED -> GpayCode.T0211;
            case WRONG_CREDENTIALS, LOCKED_OUT -> GpayCode.T0300;
            case NOT_ENROLLED -> GpayCode.T0322;
            case ADDRESS_NOT_ALLOWED -> GpayCode.T0310;
            case OTHER_SERVICE -> GpayCode.T0320;
            case TOKEN_INVALID -> GpayCode.T0330;
        };
    }

    static Map<String, Object> error(GpayCode code) {
        return error(code, code.message());
    }

    static Map<String, Object> error(GpayCode code, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", code.name());
        answer.put("message", message);
        return answer;
    }

    /**
     * A payment as the API answers it: {@code A0000} with its {@code info}, or the code
     * of a decline or an unknown outcome with the payment's id.
     */
    static Map<String, Object> payment(Payment payment) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "PAYMENT");
        switch (payment.status()) {
            case APPROVED -> {
                answer.put("result", GpayCode.A0000.name());
                answer.put("message", GpayCode.A0000.message());
            }
            case DECLINED -> {
                answer.put("result", GpayCode.A0301.name());
                answer.put("message", GpayCode.A0301.message() + ": [" + payment.decline().institutionCode() + "] "
                        + payment.decline().institutionMessage());
            }
            case PENDING, UNKNOWN -> {
                answer.put("result", GpayCode.A0303.name());
                answer.put("message", GpayCode.A0303.message());
            }
        }
        answer.put("resultUrl", nullToEmpty(payment.overseas().resultUrl()));
        answer.put("api_id", payment.id().value());
        Instant at = payment.payTime();
        answer.put("api_date", KST.format(at));
        answer.put("info", info(payment, at));
        answer.put("serviceDefine", nullToEmpty(payment.overseas().serviceDefine()));
        return answer;
    }

    /** A cancel as the API answers it (spec §5.4). */
    static Map<String, Object> cancel(Refund cancel, Payment payment, String resultUrl) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "CANCEL");
        GpayCode code = switch (cancel.status()) {
            case APPROVED -> GpayCode.A0000;
            case DECLINED -> GpayCode.A0301;
            case PENDING, UNKNOWN -> GpayCode.A0303;
        };
        answer.put("result", code.name());
        answer.put("message", code.message());
        answer.put("resultUrl", nullToEmpty(resultUrl));
        answer.put("api_id", cancel.id());
        Instant at = cancel.completedAt() != null ? cancel.completedAt() : cancel.requestedAt();
        answer.put("api_date", KST.format(at));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("totalAmount", GpayAmount.format(cancel.amount()));
        info.put("currency", cancel.amount().currency().getCurrencyCode());
        info.put("service_oid", payment.orderId().value());
        info.put("submitTimeUtc", UTC.format(at));
        answer.put("info", info);
        answer.put("serviceDefine", nullToEmpty(payment.overseas().serviceDefine()));
        return answer;
    }

    /** The window's result: the same fields, flat (spec §5.2). */
    static Map<String, String> flat(Payment payment) {
        Map<String, String> fields = new LinkedHashMap<>();
        payment(payment).forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                nested.forEach((key, inner) -> fields.put(String.valueOf(key), String.valueOf(inner)));
            }
            else {
                fields.put(name, String.valueOf(value));
            }
        });
        return fields;
    }

    private static Map<String, String> info(Payment payment, Instant at) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("service_oid", payment.orderId().value());
        info.put("comments", payment.goods());
        info.put("pay_type", "card");
        info.put("billing_key", payment.billingKeyId().value());
        info.put("totalAmount", GpayAmount.format(payment.amount()));
        info.put("currency", payment.amount().currency().getCurrencyCode());
        info.put("firstName", nullToEmpty(payment.overseas().firstName()));
        info.put("lastName", nullToEmpty(payment.overseas().lastName()));
        info.put("email", nullToEmpty(payment.payer().email()));
        info.put("phoneNumber", "");
        info.put("card_number", payment.maskedNumber());
        info.put("submitTimeUtc", UTC.format(at));
        return info;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

}
