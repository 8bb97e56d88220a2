package kr.gyeol.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import kr.gyeol.idempotency.jdbc.IdempotencyRepository;
import kr.gyeol.shared.ExpiringRows;
import kr.gyeol.shared.PartnerId;

import org.springframework.stereotype.Service;

/**
 * The store behind the {@code Idempotency-Key} header. A call claims its key (partner +
 * key) before it runs; the claim is a row in PostgreSQL, so a duplicate on another node
 * sees it. The first call's answer is kept and replayed to every retry until the key
 * expires; a retry with another request under the same key is refused; a duplicate that
 * arrives while the first still runs waits for its answer, or is told it is still
 * running.
 */
@Service
public class IdempotencyKeys implements ExpiringRows {

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 255;

    /** What a call with a key does. */
    public sealed interface Claim {

        /**
         * The key is new (or expired): run the call, then {@link #complete} or
         * {@link #release}.
         */
        record Run() implements Claim {
        }

        /** The first call's answer, to send again as it was. */
        record Replay(int status, String contentType, byte[] body) implements Claim {
        }

        /** The key was used for another request. */
        record Mismatch() implements Claim {
        }

        /** The first call is still running (or stopped without an answer). */
        record InProgress() implements Claim {
        }

    }

    private final IdempotencyRepository keys;

    private final Clock clock;

    private final Duration retention;

    private final Duration wait;

    IdempotencyKeys(IdempotencyRepository keys, Clock clock, IdempotencyProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.retention = properties.retention();
        this.wait = properties.inFlightWait();
    }

    /** Whether a header value can be a key: 1 to 255 printable ASCII characters. */
    public static boolean valid(String key) {
        return key != null && !key.isEmpty() && key.length() <= MAX_LENGTH
                && key.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
    }

    /**
     * Claims a key for a request of this hash; a duplicate of a call still running waits
     * up to {@code gyeol.idempotency.wait} for its answer.
     */
    public Claim claim(PartnerId partner, String key, String requestHash) {
        Instant now = this.clock.instant();
        if (this.keys.claim(partner, key, requestHash, now, now.plus(this.retention))) {
            return new Claim.Run();
        }
        long deadline = System.nanoTime() + this.wait.toNanos();
        while (true) {
            Optional<IdempotencyRepository.Row> row = this.keys.find(partner, key);
            if (row.isEmpty()) {
                // Released (the first call failed without an answer) or expired: try
                // again.
                Instant again = this.clock.instant();
                if (this.keys.claim(partner, key, requestHash, again, again.plus(this.retention))) {
                    return new Claim.Run();
                }
                if (System.nanoTime() > deadline) {
                    return new Claim.InProgress();
                }
                continue;
            }
            if (!row.get().requestHash().equals(requestHash)) {
                return new Claim.Mismatch();
            }
            if (row.get().done()) {
                return new Claim.Replay(row.get().status(), row.get().contentType(), row.get().body());
            }
            if (System.nanoTime() > deadline) {
                return new Claim.InProgress();
            }
            try {
                Thread.sleep(25);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Claim.InProgress();
            }
        }
    }

    /** Keeps the answer of a call that ran under its key. */
    public void complete(PartnerId partner, String key, int status, String contentType, byte[] body) {
        this.keys.complete(partner, key, status, contentType, body);
    }

    /**
     * Gives a key back when its call answered nothing worth keeping (the gateway failed):
     * a retry then runs the call again.
     */
    public void release(PartnerId partner, String key) {
        this.keys.release(partner, key);
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return this.keys.deleteExpiredBefore(cutoff);
    }

}
