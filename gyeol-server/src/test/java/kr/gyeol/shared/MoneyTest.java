package kr.gyeol.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Money in minor units: VAT rounding, overflow, currency mixing. */
class MoneyTest {

    @Test
    void includedVatIsOneEleventhRoundedHalfUp() {
        assertThat(Money.won(1000).includedVat().amount()).isEqualTo(91);
        assertThat(Money.won(110).includedVat().amount()).isEqualTo(10);
        assertThat(Money.won(100).includedVat().amount()).isEqualTo(9);
        assertThat(Money.won(0).includedVat().amount()).isZero();
        assertThat(Money.won(15000).includedVat().amount()).isEqualTo(1364);
    }

    @Test
    void refusesNegativeAndOverflowingAmounts() {
        assertThatThrownBy(() -> Money.won(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.won(Long.MAX_VALUE).plus(Money.won(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.won(1).minus(Money.won(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.won(1).plus(new Money(1, Currency.getInstance("USD"))))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashesSecretsWithSaltAndChecksThem() {
        String stored = Tokens.hashSecret("abcd1234567890");
        assertThat(stored).startsWith("sha256:").doesNotContain("abcd1234567890");
        assertThat(Tokens.hashSecret("abcd1234567890")).isNotEqualTo(stored);
        assertThat(Tokens.matchesSecret(stored, "abcd1234567890")).isTrue();
        assertThat(Tokens.matchesSecret(stored, "abcd1234567891")).isFalse();
        assertThat(Tokens.matchesSecret("garbage", "abcd1234567890")).isFalse();
    }

}
