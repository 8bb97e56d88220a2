package kr.gyeol.console;

import java.time.Instant;

import kr.gyeol.shared.PartnerId;

/**
 * A signed-in console user: the partner it acts for, and the token every form it posts
 * must carry back (CSRF).
 */
public record ConsoleSession(PartnerId partnerId, String csrfToken, Instant expiresAt) {
}
