package kr.gyeol.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The vault's checks and masks of what a payer types. */
class VaultRulesTest {

    @Test
    void masksAsPaypleDoes() {
        assertThat(Masking.card("1234567812345678")).isEqualTo("1234-****-****-5678");
        assertThat(Masking.account("46012345678121")).isEqualTo("460-********-121");
        assertThat(Masking.phone("010-1234-5678")).isEqualTo("010-****-5678");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void checksLuhn() {
        assertThat(Vault.luhn("4242424242424242")).isTrue();
        assertThat(Vault.luhn("4242424242424241")).isFalse();
    }

    @Test
    void acceptsBirthDatesAndBusinessNumbers() {
        assertThat(Vault.validBirthOrBusinessNumber("900101")).isEqualTo("900101");
        assertThat(Vault.validBirthOrBusinessNumber("19900101")).isEqualTo("900101");
        assertThat(Vault.validBirthOrBusinessNumber("1234567890")).isEqualTo("1234567890");
        assertThatThrownBy(() -> Vault.validBirthOrBusinessNumber("901301")).isInstanceOf(RegistrationRejected.class);
    }

}
