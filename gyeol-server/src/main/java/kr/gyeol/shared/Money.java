package kr.gyeol.shared;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount in the currency's minor unit (KRW has none, USD cents). Never floating point;
 * arithmetic fails loudly on overflow.
 */
public record Money(long amount, Currency currency) {

    public static final Currency KRW = Currency.getInstance("KRW");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount < 0) {
            throw new IllegalArgumentException("Money cannot be negative: " + amount);
        }
    }

    public static Money won(long amount) {
        return new Money(amount, KRW);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amount, other.amount), currency);
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount > other.amount;
    }

    /**
     * The VAT contained in a VAT-inclusive Korean price: one eleventh, rounded half up.
     * Integer arithmetic, so 1000 gives 91 as Payple's own examples show.
     */
    public Money includedVat() {
        return new Money(Math.addExact(amount, 5) / 11, currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(currency + " and " + other.currency + " do not mix");
        }
    }

    /** {@code 15000 KRW}: how logs and messages read an amount. */
    @Override
    public String toString() {
        return this.amount + " " + this.currency.getCurrencyCode();
    }

}
