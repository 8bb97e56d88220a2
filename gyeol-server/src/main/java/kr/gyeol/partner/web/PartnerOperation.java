package kr.gyeol.partner.web;

import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.web.EdgeInterface;
import kr.gyeol.web.PaypleOperation;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;

/**
 * A Payple operation a partner calls with an AuthKey from auth.php. The envelope check
 * runs here, once for every such operation: a request the parser could not read is
 * answered as the operation says; then the envelope the operation declares is checked,
 * and a refusal answered in its codes; only an authorized call reaches the work.
 */
@EdgeInterface
public abstract class PartnerOperation implements PaypleOperation {

    private final PartnerAuthentication authentication;

    protected PartnerOperation(PartnerAuthentication authentication) {
        this.authentication = authentication;
    }

    /** The envelope this operation's calls carry at an endpoint. */
    protected abstract PartnerCalls.Envelope envelope(Endpoint endpoint);

    /** The answer to a request whose body or fields could not be read. */
    protected abstract WireResponse malformed(WireRequest request, Endpoint endpoint);

    /** A refused envelope's error, as this operation sends it (with what it echoes). */
    protected abstract WireResponse refused(WireResponse refusal, WireRequest request, Endpoint endpoint);

    /** The operation's work, for a call whose envelope held. */
    protected abstract WireResponse answer(AuthorizedCall call, WireRequest request, Endpoint endpoint);

    @Override
    public final WireResponse handle(WireRequest request, Endpoint endpoint) {
        if (request.isMalformed()) {
            return malformed(request, endpoint);
        }
        PartnerCalls.Checked checked = PartnerCalls.check(this.authentication, request, envelope(endpoint));
        if (checked.refused()) {
            return refused(checked.refusal(), request, endpoint);
        }
        return answer(checked.call(), request, endpoint);
    }

    protected final PartnerAuthentication authentication() {
        return this.authentication;
    }

}
