package kr.gyeol.gpay.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import kr.gyeol.gpay.GpayRefused;
import kr.gyeol.payment.Payment;
import kr.gyeol.protocol.GpayCode;
import kr.gyeol.protocol.GpayFields;
import kr.gyeol.refund.Refund;
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
        answer.put(GpayFields.RESULT, code.name());
        answer.put(GpayFields.MESSAGE, message);
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
                answer.put(GpayFields.RESULT, GpayCode.A0000.name());
                answer.put(GpayFields.MESSAGE, GpayCode.A0000.message());
            }
            case DECLINED -> {
                answer.put(GpayFields.RESULT, GpayCode.A0301.name());
                answer.put(GpayFields.MESSAGE, GpayCode.A0301.message() + ": [" + payment.decline().institutionCode()
                        + "] " + payment.decline().institutionMessage());
            }
            case PENDING, UNKNOWN -> {
                answer.put(GpayFields.RESULT, GpayCode.A0303.name());
                answer.put(GpayFields.MESSAGE, GpayCode.A0303.message());
            }
        }
        answer.put(GpayFields.RESULT_URL, nullToEmpty(payment.overseas().resultUrl()));
        answer.put(GpayFields.API_ID, payment.id().value());
        Instant at = payment.payTime();
        answer.put(GpayFields.API_DATE, KST.format(at));
        answer.put(GpayFields.INFO, info(payment, at));
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
        answer.put(GpayFields.RESULT, code.name());
        answer.put(GpayFields.MESSAGE, code.message());
        answer.put(GpayFields.RESULT_URL, nullToEmpty(resultUrl));
        answer.put(GpayFields.API_ID, cancel.id().value());
        Instant at = cancel.completedAt() != null ? cancel.completedAt() : cancel.requestedAt();
        answer.put(GpayFields.API_DATE, KST.format(at));
        Map<String, String> info = new LinkedHashMap<>();
        info.put(GpayFields.TOTAL_AMOUNT, GpayAmount.format(cancel.amount()));
        info.put(GpayFields.CURRENCY, cancel.amount().currency().getCurrencyCode());
        info.put(GpayFields.SERVICE_OID, payment.orderId().value());
        info.put(GpayFields.SUBMIT_TIME_UTC, UTC.format(at));
        answer.put(GpayFields.INFO, info);
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
        info.put(GpayFields.SERVICE_OID, payment.orderId().value());
        info.put(GpayFields.COMMENTS, payment.goods());
        info.put(GpayFields.PAY_TYPE, "card");
        info.put(GpayFields.BILLING_KEY, payment.billingKeyId().value());
        info.put(GpayFields.TOTAL_AMOUNT, GpayAmount.format(payment.amount()));
        info.put(GpayFields.CURRENCY, payment.amount().currency().getCurrencyCode());
        info.put(GpayFields.FIRST_NAME, nullToEmpty(payment.overseas().firstName()));
        info.put(GpayFields.LAST_NAME, nullToEmpty(payment.overseas().lastName()));
        info.put(GpayFields.EMAIL, nullToEmpty(payment.payer().email()));
        info.put("phoneNumber", "");
        info.put(GpayFields.CARD_NUMBER, payment.maskedNumber());
        info.put(GpayFields.SUBMIT_TIME_UTC, UTC.format(at));
        return info;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

}
