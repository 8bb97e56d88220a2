package kr.gyeol.vault;

import kr.gyeol.shared.Payer;

/**
 * A card to register, as typed by the customer; validated by the vault.
 * {@link #toString()} shows nothing of the card.
 */
public record CardRegistration(String number, String expiryYear, String expiryMonth, String birthOrBusinessNumber,
        String pinPrefix, Payer payer) {

    @Override
    public String toString() {
        return "CardRegistration[hidden]";
    }
}
