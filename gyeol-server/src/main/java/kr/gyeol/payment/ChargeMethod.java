package kr.gyeol.payment;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.Money;

/**
 * What a charge draws on, with the rules that come with it: the API it belongs to, the
 * instrument it is, its smallest amount, what its fields may hold and which network call
 * approves it. One of five, so every switch over them is checked whole by the compiler.
 */
public sealed interface ChargeMethod {

    /** A domestic card's billing key (Payple's SimplePay and RePay). */
    record BillingKeyCard(BillingKeyId billingKey) implements ChargeMethod {

        public BillingKeyCard {
            java.util.Objects.requireNonNull(billingKey, "billingKey");
        }

    }

    /** A domestic bank account's billing key: a withdrawal (출금이체). */
    record BillingKeyAccount(BillingKeyId billingKey) implements ChargeMethod {

        public BillingKeyAccount {
            java.util.Objects.requireNonNull(billingKey, "billingKey");
        }

    }

    /**
     * A card the customer approved in its card company's app or an easy-pay wallet: a
     * one-off card charge without a billing key.
     */
    record AppCard(AppCardCharge card) implements ChargeMethod {

        public AppCard {
            java.util.Objects.requireNonNull(card, "card");
        }

        @Override
        public BillingKeyId billingKey() {
            return null;
        }

    }

    /**
     * A foreign card's billing key through the overseas API, its holder present with the
     * card's security code, which goes to the network and is never kept (nor printed).
     *
     * @param fields the overseas API's names and its partner's fields
     */
    record OverseasCard(BillingKeyId billingKey, Overseas fields, String securityCode) implements ChargeMethod {

        public OverseasCard {
            java.util.Objects.requireNonNull(billingKey, "billingKey");
            java.util.Objects.requireNonNull(fields, "fields");
        }

        @Override
        public String toString() {
            return "OverseasCard[billingKey=" + this.billingKey + "]";
        }

    }

    /**
     * A foreign card's billing key charged without its holder: a merchant-initiated
     * renewal, which has no security code to send.
     */
    record OverseasRecurring(BillingKeyId billingKey, Overseas fields) implements ChargeMethod {

        public OverseasRecurring {
            java.util.Objects.requireNonNull(billingKey, "billingKey");
            java.util.Objects.requireNonNull(fields, "fields");
        }

    }

    /** A domestic billing key, of the instrument it was registered for. */
    static ChargeMethod ofBillingKey(BillingKeyId billingKey, InstrumentType instrument) {
        return switch (instrument) {
            case CARD -> new BillingKeyCard(billingKey);
            case BANK_ACCOUNT -> new BillingKeyAccount(billingKey);
        };
    }

    /** The billing key charged, or null for an app card. */
    BillingKeyId billingKey();

    /** The API the charge comes through. */
    default PaymentApi api() {
        return switch (this) {
            case BillingKeyCard card -> PaymentApi.PAYPLE;
            case BillingKeyAccount account -> PaymentApi.PAYPLE;
            case AppCard app -> PaymentApi.PAYPLE;
            case OverseasCard card -> PaymentApi.GPAY;
            case OverseasRecurring recurring -> PaymentApi.GPAY;
        };
    }

    default InstrumentType instrument() {
        return this instanceof BillingKeyAccount ? InstrumentType.BANK_ACCOUNT : InstrumentType.CARD;
    }

    /** The app-card approval drawn on, or null. */
    default AppCardCharge appCard() {
        return this instanceof AppCard app ? app.card() : null;
    }

    /** The overseas API's fields, or null for a domestic charge. */
    default Overseas overseas() {
        return switch (this) {
            case OverseasCard card -> card.fields();
            case OverseasRecurring recurring -> recurring.fields();
            case BillingKeyCard card -> null;
            case BillingKeyAccount account -> null;
            case AppCard app -> null;
        };
    }

    /**
     * Whether {@code amount} is less than this method charges: the domestic minimums, or
     * one minor unit of the currency overseas.
     */
    default boolean belowMinimum(Money amount) {
        return ChargeRules.belowMinimum(api(), instrument(), amount);
    }

    /**
     * The fields this method refuses: domestic charges are in won; an app card is a
     * one-off charge; an overseas charge is a plain card charge without VAT, month or
     * cash receipt.
     * @throws IllegalArgumentException naming the first rule broken
     */
    default void requireFits(Money amount, boolean taxable, java.time.YearMonth billingPeriod, boolean cashReceipt) {
        if (api() == PaymentApi.PAYPLE && !Money.KRW.equals(amount.currency())) {
            throw new IllegalArgumentException("The domestic API charges won only");
        }
        if (this instanceof AppCard && billingPeriod != null) {
            throw new IllegalArgumentException("An app-card charge is a one-off card charge");
        }
        if (api() == PaymentApi.GPAY && (billingPeriod != null || cashReceipt || taxable)) {
            throw new IllegalArgumentException("An overseas charge is a plain card charge without VAT");
        }
    }

}
