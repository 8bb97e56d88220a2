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
     * Reads a non-negative whole amount. Accepts {@code "1000"}, {@code "1,000"} and the
     * {@code
     * "1000.0"} that a JSON number may become; refuses fractions, signs and anything
     * else.
     */
    public static OptionalLong amount(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        String text = value.trim().replace(",", "");
        int dot = text.indexOf('.');
        if (dot >= 0) {
            String fraction = text.substring(dot + 1);
            if (!fraction.chars().allMatch(c -> c == '0')) {
                return OptionalLong.empty();
            }
            text = text.substring(0, dot);
        }
        if (text.isEmpty() || text.length() > 15 || !text.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(text));
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
