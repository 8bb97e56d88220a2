package kr.gyeol.client;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A charge of a billing key over REST (spec §1.6, §1.7). Build one with
 * {@link #builder(PayType, String, String, long)}.
 *
 * @param payType card or account; must match the billing key
 * @param billingKey the billing key ({@code PCD_PAYER_ID})
 * @param goods the goods name
 * @param amount the amount in won
 * @param orderId the order id; when null, the client makes one up, so that an unknown
 * outcome can be looked up
 * @param vat the VAT part for a mixed-tax basket, or null for the gateway's 10 %
 * @param taxFree whether the goods are tax-free
 * @param payer the customer
 * @param monthlyPeriod with monthly duplicate prevention, the month charged; else null
 * @param cashReceipt for an account payment, the cash receipt to issue with it; else null
 * @param userDefine1 a free field echoed back
 * @param userDefine2 a second free field echoed back
 */
public record Charge(PayType payType, String billingKey, String goods, long amount, String orderId, Long vat,
        boolean taxFree, Payer payer, YearMonth monthlyPeriod, CashReceiptDetails cashReceipt, String userDefine1,
        String userDefine2) {

    /** Checks the required fields. */
    public Charge {
        Objects.requireNonNull(payType, "payType");
        Objects.requireNonNull(billingKey, "billingKey");
        Objects.requireNonNull(goods, "goods");
        payer = payer == null ? Payer.NONE : payer;
    }

    /** A builder with the required fields. */
    public static Builder builder(PayType payType, String billingKey, String goods, long amount) {
        return new Builder(payType, billingKey, goods, amount);
    }

    /**
     * The cash receipt to issue with an account payment (spec §1.7).
     *
     * @param use what the receipt is for
     * @param identityNumber a phone number or business registration number
     */
    public record CashReceiptDetails(CashReceiptUse use, String identityNumber) {

        @Override
        public String toString() {
            return "CashReceiptDetails[use=" + this.use + "]";
        }

    }

    /** Builds a {@link Charge}. */
    public static final class Builder {

        private final PayType payType;

        private final String billingKey;

        private final String goods;

        private final long amount;

        private String orderId;

        private Long vat;

        private boolean taxFree;

        private Payer payer = Payer.NONE;

        private YearMonth monthlyPeriod;

        private CashReceiptDetails cashReceipt;

        private String userDefine1;

        private String userDefine2;

        private Builder(PayType payType, String billingKey, String goods, long amount) {
            this.payType = payType;
            this.billingKey = billingKey;
            this.goods = goods;
            this.amount = amount;
        }

        /** The order id; unique per partner. */
        public Builder orderId(String orderId) {
            this.orderId = orderId;
            return this;
        }

        /** The VAT part of a mixed-tax basket. */
        public Builder vat(long vat) {
            this.vat = vat;
            return this;
        }

        /** Marks the goods tax-free. */
        public Builder taxFree() {
            this.taxFree = true;
            return this;
        }

        /** The customer. */
        public Builder payer(Payer payer) {
            this.payer = payer;
            return this;
        }

        /**
         * Charges with monthly duplicate prevention: a second charge of the same billing
         * key for the same month is refused.
         */
        public Builder monthly(YearMonth period) {
            this.monthlyPeriod = period;
            return this;
        }

        /** Issues a cash receipt with an account payment. */
        public Builder cashReceipt(CashReceiptUse use, String identityNumber) {
            this.cashReceipt = new CashReceiptDetails(use, identityNumber);
            return this;
        }

        /** Free fields the gateway echoes back. */
        public Builder userDefined(String first, String second) {
            this.userDefine1 = first;
            this.userDefine2 = second;
            return this;
        }

        /** The charge. */
        public Charge build() {
            return new Charge(this.payType, this.billingKey, this.goods, this.amount, this.orderId, this.vat,
                    this.taxFree, this.payer, this.monthlyPeriod, this.cashReceipt, this.userDefine1, this.userDefine2);
        }

    }

}
