package kr.gyeol.partner.web;

import java.util.Set;
import kr.gyeol.partner.IssuedSession;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.CredentialFailures;
import kr.gyeol.partner.PartnerAuthenticationFailed;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.web.PaypleOperation;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /php/auth.php} (spec §1.2): authenticates the partner, picks the operation from
 * the body's flags, and hands back tokens, an AuthKey and the operation's URL on this
 * gateway's own host.
 */
@Component
class PartnerAuthOperation implements PaypleOperation {

    /** The window build stamp Payple appends as {@code CPAYVER} (yyyyMMddHHmm). */
    static final String WINDOW_VERSION = "202611230000";

    private final PartnerAuthentication authentication;

    private final CredentialFailures failures;

    PartnerAuthOperation(PartnerAuthentication authentication, CredentialFailures failures) {
        this.authentication = authentication;
        this.failures = failures;
    }

    @Override
    public Set<Endpoint> endpoints() {
        return Set.of(Endpoint.PARTNER_AUTH, Endpoint.CLIENT_KEY_AUTH);
    }

    @Override
    public WireResponse handle(WireRequest request, Endpoint endpoint) {
        if (request.unreadableBody()) {
            return error(ResponseCode.AUTH0001);
        }
        Endpoint target = endpoint == Endpoint.CLIENT_KEY_AUTH ? Endpoint.PAYMENT_WINDOW
                : Endpoint.route(request.fields());
        String claimed = request.malformedFields().contains(Fields.AUTH_CST_ID) ? null
                : request.get(Fields.AUTH_CST_ID);
        if (endpoint != Endpoint.CLIENT_KEY_AUTH && claimed != null
                && this.failures.lockedOut(claimed, request.clientAddress())) {
            return error(ResponseCode.AUTH9999);
        }
        IssuedSession session;
        try {
            session = endpoint == Endpoint.CLIENT_KEY_AUTH
                    ? authentication.authenticateClientKey(request.get(Fields.CLIENT_KEY), request.refererHost())
                    : authentication.authenticate(
                            request.malformedFields().contains(Fields.AUTH_CST_ID) ? null
                                    : request.get(Fields.AUTH_CST_ID),
                            request.malformedFields().contains(Fields.AUTH_CUST_KEY) ? null
                                    : request.get(Fields.AUTH_CUST_KEY),
                            request.refererHost(), Operation.valueOf(target.name()));
        }
        catch (PartnerAuthenticationFailed e) {
            if (claimed != null && (e.reason() == PartnerAuthenticationFailed.Reason.WRONG_SECRET
                    || e.reason() == PartnerAuthenticationFailed.Reason.UNKNOWN_PARTNER)) {
                this.failures.failed(claimed, request.clientAddress());
            }
            return error(switch (e.reason()) {
                case MISSING_PARTNER_ID -> ResponseCode.AUTH0001;
                case MISSING_SECRET, WRONG_SECRET -> ResponseCode.AUTH0002;
                case UNKNOWN_PARTNER -> ResponseCode.AUTH0003;
                case DOMAIN_NOT_REGISTERED -> ResponseCode.AUTH0004;
            });
        }
        if (claimed != null) {
            this.failures.succeeded(claimed, request.clientAddress());
        }
        String payUrl = target == Endpoint.PAYMENT_WINDOW ? target.payUrl() + "&CPAYVER=" + WINDOW_VERSION
                : target.payUrl();
        String host = request.baseUrl();
        return new WireResponse().put(Fields.SERVER_NAME, request.serverName())
            .put(Fields.AUTH_RESULT, "success")
            .put(Fields.AUTH_RESULT_MSG, ResponseCode.AUTH_SUCCESS.message())
            .put(Fields.AUTH_CST_ID, session.partnerToken())
            .put(Fields.AUTH_CUST_KEY, session.secretToken())
            .put(Fields.AUTH_KEY, session.authKey())
            .put(Fields.PAY_HOST, host)
            .put(Fields.PAY_URL, payUrl)
            .put(Fields.RETURN_URL, host + payUrl)
            // The 2019 generation's names for the same two values (spec §0.1).
            .put(Fields.LEGACY_HOST, host)
            .put(Fields.LEGACY_URL, payUrl);
    }

    @Override
    public WireResponse failure(Endpoint endpoint) {
        return error(ResponseCode.AUTH0005);
    }

    /**
     * Auth errors carry the code inside {@code result_msg} (spec §1.2) and, for
     * convenience, apart.
     */
    static WireResponse error(ResponseCode code) {
        return new WireResponse().put(Fields.AUTH_RESULT, "error")
            .put(Fields.AUTH_RESULT_MSG, "[" + code.code() + "] " + code.message())
            .put(Fields.AUTH_CODE, code.code());
    }

}
