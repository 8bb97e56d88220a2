package kr.gyeol.client;

import java.time.Instant;

/**
 * An access token of the overseas API (spec §5.1). The payment window needs one per
 * payment, with {@link #payCls()} in test mode. {@link #toString()} leaves the token out.
 *
 * @param accessToken the bearer token
 * @param tokenType {@code Bearer}
 * @param payCls {@code demo} in test mode, to pass on to the window; else null
 * @param expiresAt when it stops working
 */
public record OverseasToken(String accessToken, String tokenType, String payCls, Instant expiresAt) {

    @Override
    public String toString() {
        return "OverseasToken[tokenType=" + this.tokenType + ", payCls=" + this.payCls + ", expiresAt=" + this.expiresAt
                + "]";
    }

}
