package kr.gyeol.network;

/** Why a network declined, as far as Gyeol needs to tell its callers apart. */
public enum DeclineReason {

    GENERIC, INSUFFICIENT_FUNDS, EXPIRED_CARD, INVALID_CARD, BANK_MAINTENANCE, INVALID_ACCOUNT, NOT_CANCELLABLE,

    /**
     * The network has no record of the request (answered to an inquiry): it never
     * arrived, so nothing was charged or cancelled.
     */
    NO_SUCH_TRANSACTION;

    /**
     * The reason of that name, or {@link #GENERIC} for a name this build does not know.
     */
    public static DeclineReason named(String name) {
        for (DeclineReason reason : values()) {
            if (reason.name().equals(name)) {
                return reason;
            }
        }
        return GENERIC;
    }

}
