package kr.gyeol.web;

import java.util.Set;
import kr.gyeol.protocol.Endpoint;

/** One Payple operation, answered at the endpoints it names. */
public interface PaypleOperation {

    Set<Endpoint> endpoints();

    /** Answers the request; request errors are answers too, never exceptions. */
    WireResponse handle(WireRequest request, Endpoint endpoint);

    /**
     * The answer when handling failed unexpectedly: still HTTP 200, in this operation's
     * shape.
     */
    WireResponse failure(Endpoint endpoint);

    /**
     * The answer when handling failed unexpectedly after a write was committed, or tried
     * to be: the operation's unknown-outcome code, which tells the caller to look the
     * result up rather than retry. Operations that write nothing a retry could repeat
     * keep {@link #failure(Endpoint)}.
     */
    default WireResponse unknownOutcome(Endpoint endpoint) {
        return failure(endpoint);
    }

}
