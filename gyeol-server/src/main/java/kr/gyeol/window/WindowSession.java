package kr.gyeol.window;

import java.time.Instant;
import kr.gyeol.shared.PartnerId;

/** One opening of the window. */
public record WindowSession(String id, PartnerId partnerId, WindowRequest request, Instant expiresAt) {
}
