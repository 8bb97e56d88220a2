package kr.gyeol.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Makes up order ids for charges sent without one: Payple would make one up itself, but
 * then a charge whose answer is lost could not be looked up.
 */
final class OrderIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    OrderIds(Clock clock) {
        this.clock = clock;
    }

    /** {@code gyeol} + the Korean date + 16 random hex digits. */
    String next() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "gyeol" + WireText.day(LocalDate.now(this.clock.withZone(WireText.KOREA)))
                + HexFormat.of().formatHex(random);
    }

}
