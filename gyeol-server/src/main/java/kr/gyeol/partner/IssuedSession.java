package kr.gyeol.partner;

import java.time.Instant;
import kr.gyeol.shared.PartnerId;

/**
 * What auth.php hands back: per-session stand-ins for the partner id and secret, and the
 * AuthKey.
 */
public record IssuedSession(PartnerId partnerId, String partnerToken, String secretToken, String authKey,
        Instant expiresAt) {
}
