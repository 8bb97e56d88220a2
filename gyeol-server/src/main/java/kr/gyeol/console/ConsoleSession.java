package kr.gyeol.console;

import java.time.Instant;

import kr.gyeol.shared.PartnerId;

/**
 * A signed-in console user: a partner, or an operator acting for the partner it chose
 * (none right after sign-in); and the token every form it posts must carry back (CSRF).
 *
 * @param partnerId the partner whose data the pages show, or null for an operator who has
 * not chosen one
 * @param operator the operator's name, or null for a partner's own session
 */
public record ConsoleSession(PartnerId partnerId, String operator, String csrfToken, Instant expiresAt) {

    public boolean operates() {
        return this.operator != null;
    }

}
