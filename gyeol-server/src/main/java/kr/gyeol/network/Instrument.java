package kr.gyeol.network;

/** What a charge draws on, as the network needs it: a card or a bank account. */
public sealed interface Instrument permits CardDetails, AccountDetails {

}
