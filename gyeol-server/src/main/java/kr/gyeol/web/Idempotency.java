package kr.gyeol.web;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
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
