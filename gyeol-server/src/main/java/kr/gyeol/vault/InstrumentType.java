package kr.gyeol.vault;

/** What a billing key pays with. */
public enum InstrumentType {

    CARD, BANK_ACCOUNT

}
