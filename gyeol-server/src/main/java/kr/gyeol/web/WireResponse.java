package kr.gyeol.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.shared.Money;

/** A Payple answer: an ordered JSON object whose every value is a string, never null. */
public final class WireResponse {

    private final LinkedHashMap<String, String> fields = new LinkedHashMap<>();

    /** {@code PCD_PAY_RST=success} with the code and message. */
    public static WireResponse success(ResponseCode code) {
        return new WireResponse().put(Fields.PAY_RST, "success")
            .put(Fields.PAY_CODE, code.code())
            .put(Fields.PAY_MSG, code.message());
    }

    /** {@code PCD_PAY_RST=error} with the code and its message. */
    public static WireResponse error(ResponseCode code) {
        return error(code, code.message());
    }

    /** {@code PCD_PAY_RST=error} with the code and a message of the caller's choosing. */
    public static WireResponse error(ResponseCode code, String message) {
        return new WireResponse().put(Fields.PAY_RST, "error")
            .put(Fields.PAY_CODE, code.code())
            .put(Fields.PAY_MSG, message);
    }

    /**
     * An error passed on from a card company or bank, in the 2020 docs' display form
     * (spec §2.1): {@code [Test] [SPCD0018] 3133 - 잔액이 부족합니다.}, the {@code [Test]} part
     * in test mode only.
     */
    public static WireResponse institutionError(ResponseCode code, boolean testMode, String institutionCode,
            String institutionMessage) {
        if (institutionCode == null) {
            return error(code);
        }
        String message = (testMode ? "[Test] " : "") + "[" + code.code() + "] " + institutionCode + " - "
                + institutionMessage;
        return error(code, message);
    }

    /** Sets a field; null becomes the empty string, as Payple answers absent values. */
    public WireResponse put(String field, Object value) {
        if (value instanceof Money) {
            throw new IllegalArgumentException("Money goes on the wire through put(String, Money)");
        }
        fields.put(field, value == null ? "" : value.toString());
        return this;
    }

    /**
     * An amount as Payple writes it: the number of won, no unit. The domestic wire knows
     * no other currency.
     */
    public WireResponse put(String field, Money amount) {
        if (amount != null && !Money.KRW.equals(amount.currency())) {
            throw new IllegalArgumentException("The Payple wire carries won only, not " + amount.currency());
        }
        return put(field, amount == null ? null : (Object) Long.toString(amount.amount()));
    }

    /** Leaves a field out of the answer. */
    public WireResponse remove(String field) {
        fields.remove(field);
        return this;
    }

    /** Copies the named request fields back, as Payple echoes them in answers. */
    public WireResponse echo(WireRequest request, String... names) {
        for (String name : names) {
            put(name, request.get(name));
        }
        return this;
    }

    public String get(String field) {
        return fields.get(field);
    }

    public Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

}
