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

}
