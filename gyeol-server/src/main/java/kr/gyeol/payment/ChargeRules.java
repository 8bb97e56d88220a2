package kr.gyeol.payment;

import kr.gyeol.shared.Money;
import kr.gyeol.shared.InstrumentType;

/**
 * The rules a charge must meet before anything is written, in one place for every edge
 * that takes an amount (REST, window, links, overseas API), so none of them drifts.
 */
public final class ChargeRules {

    /** Payple's smallest card charge, in won. */
    static final long CARD_MINIMUM = 100;

    /** Payple's smallest account withdrawal, in won (spec §1.4). */
    static final long ACCOUNT_MINIMUM = 1_000;

    private ChargeRules() {
    }

    /** The smallest domestic charge of an instrument, in won. */
    public static long domesticMinimum(InstrumentType instrument) {
        return instrument == InstrumentType.CARD ? CARD_MINIMUM : ACCOUNT_MINIMUM;
    }

    /**
     * Whether {@code amount} is less than the API charges for the instrument: the
     * domestic minimums, or one minor unit of the currency overseas.
     */
    public static boolean belowMinimum(PaymentApi api, InstrumentType instrument, Money amount) {
        long minimum = api == PaymentApi.PAYPLE ? domesticMinimum(instrument) : 1;
        return amount.amount() < minimum;
    }

    /**
     * The VAT of a charge (spec §9, {@code PCD_PAY_TAXTOTAL}): none when tax-free; the
     * partner's figure for a mixed basket; else 10 % included, round(total / 11). A
     * taxable charge that gives 0 is read as giving none: a basket with no VAT at all is
     * tax-free ({@code PCD_PAY_ISTAX=N}), and pages send 0 as a placeholder. Window, REST
     * and links all charge through this rule.
     * @param given the partner's VAT, or null when it gave none
     * @throws ChargeRejected when the given VAT is above the amount
     */
    public static long vat(boolean taxable, Long given, Money amount) {
        if (!taxable) {
            return 0;
        }
        if (given != null && given != 0) {
            if (given > amount.amount()) {
                throw new ChargeRejected(ChargeRejected.Reason.VAT_ABOVE_AMOUNT);
            }
            return given;
        }
        return amount.includedVat().amount();
    }

}
