package kr.gyeol.window;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.window.jdbc.WindowRepository;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Windows of other APIs (the overseas card window): a request kept server-side between
 * the page that opens the window and the customer's submit, claimed exactly once, with
 * the same lifetime and expiry as the domestic window.
 */
@Service
public class HostedWindows {

    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final WindowRepository windows;

    private final JsonMapper json;

    private final Clock clock;

    HostedWindows(WindowRepository windows, JsonMapper json, Clock clock) {
        this.windows = windows;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps {@code request} for a new window of the partner; returns the window's id. */
    public String open(PartnerId partnerId, Object request) {
        String id = Tokens.urlSafe(18);
        this.windows.insert(id, partnerId, this.json.writeValueAsString(request), this.clock.instant(),
                this.clock.instant().plus(LIFETIME));
        return id;
    }

    /**
     * Claims an open, unexpired window (OPEN → PROCESSING) and gives back its request;
     * empty when it is unknown, expired, or claimed already.
     */
    public <T> Optional<T> claim(String id, Class<T> type) {
        return this.windows.claim(id, this.clock.instant()).map((row) -> this.json.readValue(row.request(), type));
    }

    /** PROCESSING → COMPLETED. */
    public void complete(String id) {
        this.windows.complete(id);
    }

}
