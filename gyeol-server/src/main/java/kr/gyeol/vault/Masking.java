package kr.gyeol.vault;

/** The masked forms Payple answers with (spec §4.6). */
public final class Masking {

    private Masking() {
    }

    /** {@code 1234-****-****-5678}. */
    public static String card(String digits) {
        return digits.substring(0, 4) + "-****-****-" + digits.substring(digits.length() - 4);
    }

    /** {@code 460-********-121}: the middle masked, bank-formatted. */
    public static String account(String digits) {
        return digits.substring(0, 3) + "-" + "*".repeat(digits.length() - 6) + "-"
                + digits.substring(digits.length() - 3);
    }

    /** {@code 010-****-5678}; null stays null. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "-****-" + digits.substring(digits.length() - 4);
    }

}
