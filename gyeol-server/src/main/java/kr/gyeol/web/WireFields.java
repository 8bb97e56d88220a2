package kr.gyeol.web;

import java.time.YearMonth;
import java.util.OptionalInt;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.shared.Payer;

/**
 * Field groups every Payple edge reads the same way (REST charges, the window, links,
 * registrations), in one place so that none of them drifts.
 */
public final class WireFields {

    private WireFields() {
    }

    /**
     * The payer fields: {@code PCD_PAYER_NO}, {@code _NAME}, {@code _HP}, {@code _EMAIL}.
     */
    public static Payer payer(WireRequest request) {
        return new Payer(request.get(Fields.PAYER_NO), request.get(Fields.PAYER_NAME), request.get(Fields.PAYER_HP),
                request.get(Fields.PAYER_EMAIL));
    }

    /**
     * {@code PCD_PAY_YEAR} and {@code PCD_PAY_MONTH} of a monthly-deduplicated charge:
     * the period, or which of the two is missing or out of range (the year first).
     */
    public static BillingPeriod billingPeriod(WireRequest request) {
        OptionalInt year = WireValues.integer(request.get(Fields.PAY_YEAR), 2000, 2999);
        if (year.isEmpty()) {
            return new BillingPeriod(null, BillingPeriod.Invalid.YEAR);
        }
        OptionalInt month = WireValues.integer(request.get(Fields.PAY_MONTH), 1, 12);
        if (month.isEmpty()) {
            return new BillingPeriod(null, BillingPeriod.Invalid.MONTH);
        }
        return new BillingPeriod(YearMonth.of(year.getAsInt(), month.getAsInt()), null);
    }

    /**
     * A billing period as read, or the field that made it unreadable.
     *
     * @param period the period, or null when {@code invalid} says why not
     */
    public record BillingPeriod(YearMonth period, Invalid invalid) {

        /** The field that is missing or out of range. */
        public enum Invalid {

            YEAR, MONTH

        }

        public boolean valid() {
            return this.invalid == null;
        }

    }

}
