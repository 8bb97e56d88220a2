package kr.gyeol.partner;

import java.time.Instant;

/**
 * What auth.php hands back: per-session stand-ins for the partner id and secret, and the
 * AuthKey.
 */
public record IssuedSession(String partnerId, String partnerToken, String secretToken, String authKey,
        Instant expiresAt) {
}
