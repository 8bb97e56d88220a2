package kr.gyeol.client;

import java.util.Set;

/**
 * Sorts Payple and gpay result codes by what the caller must do about them (spec §2). A
 * code not listed is a refusal of the request as sent.
 */
final class Codes {

    /** Credentials, Referer, refund key or session refused. */
    private static final Set<String> AUTHENTICATION = Set.of("SPCD0004", "SPCD9991", "RPCD0006", "RPCD9991", "SPAY0001",
            "CBIL0001", "CBIL0002", "CDAU0001", "CDAU9991", "ARSA0001", "PAYC0001", "PAYC0002", "TSRG0001", "LINK0001");

    /** The order id, or the month of a monthly billing key, was used before. */
    private static final Set<String> DUPLICATE = Set.of("SPCD0014", "RPCD0015", "CPAY0202", "CPCA0201", "A0202");

    /** The card company or bank declined a payment. */
    private static final Set<String> DECLINED = Set.of("SPCD0018", "RPCD0019", "SPAY0012", "CPAY0022", "SPAY9998",
            "CPAY9998", "CPCA9999", "A0301", "A0302");

    /**
     * The payment's outcome is not known: the network has not answered, or (on Payple) an
     * institution error that a lookup settles.
     */
    private static final Set<String> UNKNOWN = Set.of("SPCD1001", "RPCD1001", "SPAY0011", "CPAY0018", "CPCA0010",
            "A0303");

    /** The lookup found no such payment. */
    static final String NOT_FOUND = "CBIL0003";

    /** gpay: no such payment. */
    static final String OVERSEAS_NOT_FOUND = "A0204";

    private Codes() {
    }

    static boolean declined(String code) {
        return DECLINED.contains(code);
    }

    static boolean unknown(String code) {
        return UNKNOWN.contains(code);
    }

    /**
     * A charge answered with a generic failure code ({@code …9999}) may have reached the
     * network before the failure, so it is looked up like an unknown outcome.
     */
    static boolean generic(String code) {
        return code != null && code.endsWith("9999");
    }

    /** The exception for a refused call. */
    static GyeolException refusal(String code, String message, String orderId) {
        if (code != null && (AUTHENTICATION.contains(code) || code.startsWith("AUTH") || code.startsWith("T02")
                || code.startsWith("T03"))) {
            return new AuthenticationException(code, message);
        }
        if (DUPLICATE.contains(code)) {
            return new DuplicateOrderException(code, message, orderId);
        }
        if (UNKNOWN.contains(code)) {
            return new OutcomeUnknownException(code, message, orderId, "The outcome is not known yet", null);
        }
        return new InvalidRequestException(code, message);
    }

}
