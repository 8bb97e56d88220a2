package kr.gyeol.shared;

import org.slf4j.MDC;

/**
 * What every log line of a request carries: its request id (set by the web edge for the
 * whole request) and, once a call's credentials hold, the partner it speaks for. Both are
 * in the text format's prefix and in every structured (JSON) line; neither is a secret.
 */
public final class LogContext {

    public static final String REQUEST_ID = "requestId";

    public static final String PARTNER_ID = "partnerId";

    private LogContext() {
    }

    /** Names the partner of the call being served, from here to the request's end. */
    public static void partner(PartnerId partnerId) {
        MDC.put(PARTNER_ID, partnerId.value());
    }

    /** Starts a request's context. */
    public static void request(String requestId) {
        MDC.put(REQUEST_ID, requestId);
    }

    /** Ends it, so a pooled thread carries nothing into its next request. */
    public static void clear() {
        MDC.remove(REQUEST_ID);
        MDC.remove(PARTNER_ID);
    }

}
