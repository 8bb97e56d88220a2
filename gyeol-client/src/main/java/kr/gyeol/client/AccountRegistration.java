package kr.gyeol.client;

import java.util.Objects;

/**
 * A bank account to register as a billing key over REST; the customer then confirms by
 * ARS (spec §1.13). {@link #toString()} shows none of the account data.
 *
 * @param payer the customer; the name is the account holder's
 * @param corporate whether it is a business account
 * @param birth the holder's birth date {@code YYMMDD}, or the business number
 * @param bankCode the bank's code, e.g. {@code 011}
 * @param accountNumber the account number, digits only
 */
public record AccountRegistration(Payer payer, boolean corporate, String birth, String bankCode, String accountNumber) {

    /** Checks the required fields. */
    public AccountRegistration {
        payer = payer == null ? Payer.NONE : payer;
        Objects.requireNonNull(bankCode, "bankCode");
        Objects.requireNonNull(accountNumber, "accountNumber");
    }

    @Override
    public String toString() {
        return "AccountRegistration[payer=" + this.payer + ", bank=" + this.bankCode + ", account=****]";
    }

}
