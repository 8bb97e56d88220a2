package kr.gyeol.partner;

/**
 * A test partner's money is simulated and its Referer is not checked unless asked for.
 */
public enum PartnerMode {

    TEST, LIVE

}
