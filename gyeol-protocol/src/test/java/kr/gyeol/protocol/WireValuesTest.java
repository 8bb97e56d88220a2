package kr.gyeol.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lenient reading of wire values. */
class WireValuesTest {

    @Test
    void readsAmountsOfAsciiDigitsUpToTheWiresTenDigits() {
        assertThat(WireValues.amount("1000")).hasValue(1000);
        assertThat(WireValues.amount("0100")).hasValue(100);
        assertThat(WireValues.amount("9999999999")).hasValue(9_999_999_999L);
        assertThat(WireValues.amount("10000000000")).as("11 digits").isEmpty();
        assertThat(WireValues.amount("999999999999999")).isEmpty();
    }

    @Test
    void refusesAmountsACallerMayHaveMeantOtherwise() {
        for (String value : new String[] { "１０００", "١٠٠٠", "10,000", " 1000 ", "1000 ", "1e3", "1000.0", "+1000",
                "1000\u0000" }) {
            assertThat(WireValues.amount(value)).as(value).isEmpty();
        }
    }

    @Test
    void refusesWhatIsNotAWholeAmount() {
        assertThat(WireValues.amount("10.5")).isEmpty();
        assertThat(WireValues.amount("-100")).isEmpty();
        assertThat(WireValues.amount("abc")).isEmpty();
        assertThat(WireValues.amount("")).isEmpty();
        assertThat(WireValues.amount(null)).isEmpty();
        assertThat(WireValues.amount("9999999999999999")).isEmpty();
    }

    @Test
    void readsBoundedIntegersAndFlags() {
        assertThat(WireValues.integer("03", 1, 12)).hasValue(3);
        assertThat(WireValues.integer("13", 1, 12)).isEmpty();
        assertThat(WireValues.isYes("y")).isTrue();
        assertThat(WireValues.isYes(null)).isFalse();
        assertThat(WireValues.isNo("N")).isTrue();
    }

    @Test
    void keepsDigitsOfSeparatedNumbers() {
        assertThat(WireValues.digits("4242-4242 4242-4242")).isEqualTo("4242424242424242");
        assertThat(WireValues.digits("12ab")).isEqualTo("12ab");
    }

}
