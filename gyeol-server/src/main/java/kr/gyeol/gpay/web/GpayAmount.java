package kr.gyeol.gpay.web;

import java.util.Currency;
import java.util.Optional;
import kr.gyeol.shared.Money;

/**
 * The API's decimal-string amounts ({@code "0.10"}, {@code "1000"}) as minor units: USD
 * in cents, KRW in won, which has no minor unit (domain rule 8).
 */
final class GpayAmount {

    private GpayAmount() {
    }

    /** Whether the API takes {@code currency}. */
    static boolean supported(String currency) {
        return "USD".equals(currency) || "KRW".equals(currency);
    }

    /**
     * A positive amount in the currency, or empty when the string is not one for it (more
     * decimals than it has, a sign, letters, zero) or the API does not take the currency.
     */
    static Optional<Money> parse(String value, String currency) {
        if (value == null || !supported(currency)) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        int decimals = "USD".equals(currency) ? 2 : 0;
        if (!trimmed.matches("[0-9]{1,12}(\\.[0-9]{1," + Math.max(decimals, 1) + "})?")) {
            return Optional.empty();
        }
        int dot = trimmed.indexOf('.');
        String whole = dot < 0 ? trimmed : trimmed.substring(0, dot);
        String fraction = dot < 0 ? "" : trimmed.substring(dot + 1);
        if (decimals == 0 && !fraction.isEmpty() && Long.parseLong(fraction) != 0) {
            return Optional.empty();
        }
        String padded = decimals == 0 ? "" : (fraction + "00").substring(0, decimals);
        long minor = Long.parseLong(whole + padded);
        return minor > 0 ? Optional.of(new Money(minor, Currency.getInstance(currency))) : Optional.empty();
    }

    /** The API's string for an amount: {@code "0.10"} in USD, {@code "1000"} in KRW. */
    static String format(Money amount) {
        long minor = amount.amount();
        if (amount.currency().getDefaultFractionDigits() == 0) {
            return Long.toString(minor);
        }
        return (minor / 100) + "." + String.format("%02d", minor % 100);
    }

}
