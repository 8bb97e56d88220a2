package kr.gyeol.partner;

/**
 * The envelope of an operation call: partner id and secret (raw or the session's tokens),
 * the AuthKey, and the caller's Referer host.
 */
public record CallCredentials(String partnerId, String secret, String authKey, String refererHost) {
}
