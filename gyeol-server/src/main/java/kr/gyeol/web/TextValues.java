package kr.gyeol.web;

/**
 * What every text a request brings must be: no NUL (PostgreSQL cannot store one in text)
 * and no half of a surrogate pair (no character at all, and not UTF-8). Anything else is
 * refused where it enters, with a 400 or the field's error code, never met later as a
 * database error.
 */
public final class TextValues {

    private TextValues() {
    }

    /** Whether {@code value} is text a request may bring. */
    public static boolean isText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
            else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

}
