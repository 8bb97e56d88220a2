package kr.gyeol.vault;

import kr.gyeol.shared.Payer;

/** A bank account to register; {@link #toString()} shows nothing of it. */
public record AccountRegistration(String bankCode, String number, String birthOrBusinessNumber, HolderType holderType,
        Payer payer) {

    @Override
    public String toString() {
        return "AccountRegistration[hidden]";
    }
}
