package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.YearMonth;
import java.util.Currency;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.Money;
import org.junit.jupiter.api.Test;

/** Each charge method's own rules. */
class ChargeMethodTest {

    private static final BillingKeyId KEY = BillingKeyId.of("key");

    private static final Overseas FIELDS = new Overseas("Gil", "Hong", null, null);

    private static final AppCardCharge APP = new AppCardCharge("token", "1234-****-****-5678", "01", "하나카드", 0, null);

    private static final Money USD = new Money(100, Currency.getInstance("USD"));

    @Test
    void eachMethodKnowsItsApiAndInstrument() {
        assertThat(ChargeMethod.ofBillingKey(KEY, InstrumentType.CARD)).isEqualTo(new ChargeMethod.BillingKeyCard(KEY));
        assertThat(ChargeMethod.ofBillingKey(KEY, InstrumentType.BANK_ACCOUNT))
            .isEqualTo(new ChargeMethod.BillingKeyAccount(KEY));
        assertThat(new ChargeMethod.BillingKeyAccount(KEY).instrument()).isEqualTo(InstrumentType.BANK_ACCOUNT);
        assertThat(new ChargeMethod.AppCard(APP).api()).isEqualTo(PaymentApi.PAYPLE);
        assertThat(new ChargeMethod.AppCard(APP).billingKey()).isNull();
        assertThat(new ChargeMethod.AppCard(APP).appCard()).isEqualTo(APP);
        assertThat(new ChargeMethod.OverseasCard(KEY, FIELDS, "123").api()).isEqualTo(PaymentApi.GPAY);
        assertThat(new ChargeMethod.OverseasRecurring(KEY, FIELDS).overseas()).isEqualTo(FIELDS);
        assertThat(new ChargeMethod.BillingKeyCard(KEY).overseas()).isNull();
    }

    @Test
    void minimumsFollowTheMethod() {
        assertThat(new ChargeMethod.BillingKeyCard(KEY).belowMinimum(Money.won(99))).isTrue();
        assertThat(new ChargeMethod.BillingKeyCard(KEY).belowMinimum(Money.won(100))).isFalse();
        assertThat(new ChargeMethod.BillingKeyAccount(KEY).belowMinimum(Money.won(999))).isTrue();
        assertThat(new ChargeMethod.OverseasRecurring(KEY, FIELDS).belowMinimum(new Money(1, USD.currency())))
            .isFalse();
    }

    @Test
    void aMethodRefusesTheFieldsItCannotCarry() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ChargeMethod.BillingKeyCard(KEY).requireFits(USD, false, null, false));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ChargeMethod.AppCard(APP).requireFits(Money.won(1000), true, YearMonth.of(2026, 12), false));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ChargeMethod.OverseasCard(KEY, FIELDS, "123").requireFits(USD, true, null, false));
        new ChargeMethod.OverseasCard(KEY, FIELDS, "123").requireFits(USD, false, null, false);
        new ChargeMethod.BillingKeyAccount(KEY).requireFits(Money.won(1000), true, YearMonth.of(2026, 12), true);
    }

    @Test
    void theSecurityCodeIsNeverPrinted() {
        assertThat(new ChargeMethod.OverseasCard(KEY, FIELDS, "987").toString()).doesNotContain("987");
    }

}
