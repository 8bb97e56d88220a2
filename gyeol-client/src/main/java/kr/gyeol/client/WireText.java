package kr.gyeol.client;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reading and writing the text forms of Payple's values. */
final class WireText {

    static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private WireText() {
    }

    static long amount(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.trim().replace(",", ""));
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

    /** A Payple time, {@code yyyyMMddHHmmss}; null when absent or malformed. */
    static LocalDateTime time(String text) {
        return text == null || text.length() != 14 ? null : parse(text, SECONDS);
    }

    /** A gpay time, {@code yyyy-MM-dd HH:mm:ss}; null when absent or malformed. */
    static LocalDateTime dashedTime(String text) {
        return text == null ? null : parse(text, DASHED);
    }

    private static LocalDateTime parse(String text, DateTimeFormatter format) {
        try {
            return LocalDateTime.parse(text, format);
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    static String day(LocalDate date) {
        return date.format(DAY);
    }

    static LocalDate day(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replace("-", "");
        try {
            return digits.length() == 8 ? LocalDate.parse(digits, DAY) : null;
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    static YearMonth period(String flag, String year, String month) {
        if (!"Y".equalsIgnoreCase(flag) || year == null || month == null || year.isBlank() || month.isBlank()) {
            return null;
        }
        try {
            return YearMonth.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()));
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    static String month(YearMonth period) {
        return String.format("%02d", period.getMonthValue());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
