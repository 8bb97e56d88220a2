package kr.gyeol.network;

import java.util.function.Supplier;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.PartnerId;

/**
 * Whose call the network is answering, for the simulator's faults (a test arms them for
 * its own partner and billing keys): the engine names the partner and the key around its
 * call, on the calling thread. A real network is never told, and the {@link Acquirer}
 * seam stays what a real network takes.
 *
 * @param billingKeyId the key charged, or null (an app card)
 */
public record NetworkCall(PartnerId partnerId, BillingKeyId billingKeyId) {

    private static final ThreadLocal<NetworkCall> CURRENT = new ThreadLocal<>();

    /** Runs {@code call} as this partner's. */
    public <T> T run(Supplier<T> call) {
        NetworkCall outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return call.get();
        }
        finally {
            if (outer == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(outer);
            }
        }
    }

    /** The call being answered on this thread, or null. */
    public static NetworkCall current() {
        return CURRENT.get();
    }

}
