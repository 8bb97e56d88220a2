package kr.gyeol.gpay;

import java.util.OptionalLong;

/**
 * The API's decimal-string amounts ({@code "0.10"}, {@code "1000"}) as minor units: USD
 * in cents, KRW in won, which has no minor unit (domain rule 8).
 */
public final class GpayAmount {

    private GpayAmount() {
    }

    /** Whether the API takes {@code currency}. */
    public static boolean supported(String currency) {
        return "USD".equals(currency) || "KRW".equals(currency);
    }

    /**
     * Minor units of a positive amount, or empty when the string is not one for the
     * currency (more decimals than it has, a sign, letters, zero).
     */
    public static OptionalLong parse(String value, String currency) {
        if (value == null || !supported(currency)) {
            return OptionalLong.empty();
        }
        String trimmed = value.trim();
        int decimals = "USD".equals(currency) ? 2 : 0;
        if (!trimmed.matches("[0-9]{1,12}(\\.[0-9]{1," + Math.max(decimals, 1) + "})?")) {
            return OptionalLong.empty();
        }
        int dot = trimmed.indexOf('.');
        String whole = dot < 0 ? trimmed : trimmed.substring(0, dot);
        String fraction = dot < 0 ? "" : trimmed.substring(dot + 1);
        if (decimals == 0 && !fraction.isEmpty() && Long.parseLong(fraction) != 0) {
            return OptionalLong.empty();
        }
        String padded = decimals == 0 ? "" : (fraction + "00").substring(0, decimals);
        long minor = Long.parseLong(whole + padded);
        return minor > 0 ? OptionalLong.of(minor) : OptionalLong.empty();
    }

    /** The API's string for minor units: {@code "0.10"} in USD, {@code "1000"} in KRW. */
    public static String format(long minor, String currency) {
        if ("KRW".equals(currency)) {
            return Long.toString(minor);
        }
        return (minor / 100) + "." + String.format("%02d", minor % 100);
    }

}
