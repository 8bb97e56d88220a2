package kr.gyeol.protocol;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Lenient reading of Payple wire values (spec §1.1, §4.12): clients send strings,
 * numbers, JSON nulls and empty strings for the same field. Callers receive null for
 * "absent".
 */
public final class WireValues {

    private WireValues() {
    }

    /** {@code Y} in any case counts as yes; everything else, including absence, as no. */
    public static boolean isYes(String value) {
        return value != null && value.trim().equalsIgnoreCase("Y");
    }

    /** {@code N} in any case counts as an explicit no. */
    public static boolean isNo(String value) {
        return value != null && value.trim().equalsIgnoreCase("N");
    }

    /**
     * The most digits an amount has on the Payple wire: {@code PCD_PAY_TOTAL} is N(10)
     * (spec §1.6), so no amount reaches 10,000,000,000원.
     */
    public static final int AMOUNT_MAX_DIGITS = 10;

    /**
     * Reads a non-negative whole amount: ASCII digits only, at most
     * {@link #AMOUNT_MAX_DIGITS} of them. Refuses what a caller may have meant otherwise:
     * grouping ({@code 1,000}), fractions and exponents ({@code 1000.0}, {@code 1e3}, a
     * JSON number with a fraction), signs, surrounding spaces, and digits of other
     * scripts ({@code １０００}, {@code ١٠٠٠}).
     */
    public static OptionalLong amount(String value) {
        if (value == null || value.isEmpty() || value.length() > AMOUNT_MAX_DIGITS) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(value));
    }

    /** Reads a whole number within bounds, e.g. a month {@code "03"} or {@code 3}. */
    public static OptionalInt integer(String value, int min, int max) {
        OptionalLong parsed = amount(value);
        if (parsed.isEmpty() || parsed.getAsLong() < min || parsed.getAsLong() > max) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) parsed.getAsLong());
    }

    /**
     * Keeps only the digits of a value such as a card or phone number typed with
     * separators.
     */
    public static String digits(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
            else if (c != '-' && c != ' ') {
                return value.trim();
            }
        }
        return digits.toString();
    }

    /** Lower-cased, trimmed, or empty when absent. */
    public static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

}
