package kr.gyeol.client;

import java.util.Objects;

/**
 * A card to register as a billing key over REST, for a partner that builds its own card
 * form (spec §1.13, {@code PCD_PAY_WORK=AUTHREG}). {@link #toString()} shows none of the
 * card data.
 *
 * @param payer the customer
 * @param birth the holder's birth date {@code YYMMDD}, or a 10-digit business number
 * @param cardNumber the card number, digits only
 * @param expiryYear the expiry year, {@code YY}
 * @param expiryMonth the expiry month, {@code MM}
 * @param pinPrefix the first two digits of the card's PIN
 */
public record CardRegistration(Payer payer, String birth, String cardNumber, String expiryYear, String expiryMonth,
        String pinPrefix) {

    /** Checks the required fields. */
    public CardRegistration {
        payer = payer == null ? Payer.NONE : payer;
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(expiryYear, "expiryYear");
        Objects.requireNonNull(expiryMonth, "expiryMonth");
    }

    @Override
    public String toString() {
        return "CardRegistration[payer=" + this.payer + ", card=****]";
    }

}
