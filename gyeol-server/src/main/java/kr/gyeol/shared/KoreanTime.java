package kr.gyeol.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Payple's timestamps are Korean local time. */
public final class KoreanTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZONE);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZONE);

    private KoreanTime() {
    }

    /** {@code yyyyMMddHHmmss} in Korean time. */
    public static String seconds(Instant instant) {
        return SECONDS.format(instant);
    }

    /** {@code yyyyMMdd} in Korean time. */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }

}
