package kr.gyeol.partner;

/**
 * Whether the Referer of a partner's calls must be one of its registered domains (spec
 * §4.2).
 */
public enum RefererCheck {

    LENIENT, STRICT

}
