package kr.gyeol.web;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import kr.gyeol.idempotency.IdempotencyKeys;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.shared.CommitAttempts;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;

/**
 * What the edges share of {@code Idempotency-Key}: the header, which Payple operations
 * change state, and the hash a request is known by.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /** Set on an answer that is the first call's, sent again. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The Payple operations a key applies to: those that change something. */
    static final Set<Endpoint> STATE_CHANGING = Set.of(Endpoint.SIMPLE_PAY_CARD, Endpoint.SIMPLE_PAY_ACCOUNT,
            Endpoint.MONTHLY_PAY_CARD, Endpoint.MONTHLY_PAY_ACCOUNT, Endpoint.CANCEL, Endpoint.BILLING_KEY_REVOKE,
            Endpoint.LINK_REGISTER, Endpoint.CASH_RECEIPT_ISSUE, Endpoint.CASH_RECEIPT_CANCEL, Endpoint.REGISTER,
            Endpoint.REGISTER_ACCOUNT_CONFIRM, Endpoint.CARD_CONFIRM, Endpoint.ACCOUNT_CONFIRM);

    /**
     * The envelope of a Payple call: a retry comes with a new AuthKey and session tokens
     * from its own auth.php, so they are not part of what the request is.
     */
    private static final Set<String> ENVELOPE = Set.of(Fields.CST_ID, Fields.CUST_KEY, Fields.AUTH_KEY_FIELD);

    private Idempotency() {
    }

    /** What a call run once under a key came to. */
    public sealed interface Once {

        /**
         * Its answer: this call's, or the first call's given again ({@code replayed}).
         */
        record Answered(byte[] body, boolean replayed) implements Once {
        }

        /** The key was used for another request: nothing ran. */
        record Reused() implements Once {
        }

        /** The first request with the key has not answered yet: nothing ran. */
        record Running() implements Once {
        }

    }

    /**
     * Runs {@code call} once for the partner and key, the Payple edge's and the overseas
     * API's way: its answer is kept for a retry, which gets it again. A call that fails
     * before it tried to commit anything gives the key back and its failure is thrown (a
     * retry runs afresh); one that fails after is answered {@code afterWrite}'s answer,
     * kept, so that a retry is told the same instead of running again.
     * @param call the answer, as the bytes to send
     * @param afterWrite the answer to a failure after a write was tried
     */
    public static Once once(IdempotencyKeys keys, PartnerId partner, String key, String hash, String contentType,
            Supplier<byte[]> call, Function<RuntimeException, byte[]> afterWrite) {
        return switch (keys.claim(partner, key, hash)) {
            case IdempotencyKeys.Claim.Run run -> {
                byte[] body;
                try {
                    CommitAttempts.reset();
                    body = call.get();
                }
                catch (RuntimeException failure) {
                    if (!CommitAttempts.attempted()) {
                        keys.release(partner, key);
                        throw failure;
                    }
                    body = afterWrite.apply(failure);
                }
                keys.complete(partner, key, 200, contentType, body);
                yield new Once.Answered(body, false);
            }
            case IdempotencyKeys.Claim.Replay replay -> new Once.Answered(replay.body(), true);
            case IdempotencyKeys.Claim.Mismatch mismatch -> new Once.Reused();
            case IdempotencyKeys.Claim.InProgress inProgress -> new Once.Running();
        };
    }

    /**
     * A Payple call's hash: its operation and its fields but the envelope, in name order.
     */
    static String hash(Endpoint endpoint, Map<String, String> fields) {
        return hash(endpoint.name(), fields);
    }

    /**
     * A call's hash: the operation's name and its fields but the envelope, in name order.
     */
    public static String hash(String operation, Map<String, String> fields) {
        StringBuilder text = new StringBuilder(operation);
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!ENVELOPE.contains(name)) {
                text.append('\n').append(name).append('=').append(value);
            }
        });
        return HexFormat.of().formatHex(Tokens.sha256(text.toString()));
    }

    /** A JSON call's hash: method, path with query, and the body's bytes. */
    static String hash(String method, String pathAndQuery, byte[] body) {
        byte[] head = (method + " " + pathAndQuery + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return HexFormat.of().formatHex(Tokens.sha256(all));
    }

}
