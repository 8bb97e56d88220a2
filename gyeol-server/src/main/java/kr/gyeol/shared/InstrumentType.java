package kr.gyeol.shared;

/** What a billing key pays with. */
public enum InstrumentType {

    CARD, BANK_ACCOUNT

}
