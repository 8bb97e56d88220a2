package kr.gyeol.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The e2e log check finds a secret the tests sent, but not six digits that happen to sit
 * inside a longer number the tests made up (an order id from {@code System.nanoTime()}).
 */
class LogSecretsTest {

    private final LogSecrets secrets = new LogSecrets(List.of("4242424242424242", "851231"), List.of("abcd1234567890"));

    @Test
    void aNumberInsideALongerRunOfDigitsIsNotALeak() {
        assertThat(this.secrets.findIn("Payment x (order e2e-crash9551851231962038, CARD 1000 KRW): APPROVED"))
            .isEmpty();
    }

    @Test
    void aNumberStandingAloneIsALeak() {
        assertThat(this.secrets.findIn("PCD_PAYER_BIRTH=851231&x=1")).containsExactly("851231");
        assertThat(this.secrets.findIn("card 4242424242424242.")).containsExactly("4242424242424242");
        assertThat(this.secrets.findIn("birth:851231")).containsExactly("851231");
    }

    @Test
    void aKeyIsALeakWherever() {
        assertThat(this.secrets.findIn("key=xabcd1234567890y")).containsExactly("abcd1234567890");
    }

}
