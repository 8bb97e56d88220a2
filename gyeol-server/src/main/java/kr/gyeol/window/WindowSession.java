package kr.gyeol.window;

import java.time.Instant;

/** One opening of the window. */
public record WindowSession(String id, String partnerId, WindowRequest request, Instant expiresAt) {
}
