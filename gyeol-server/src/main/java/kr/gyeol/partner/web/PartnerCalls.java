package kr.gyeol.partner.web;

import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.CallCredentials;
import kr.gyeol.partner.CallNotAuthorized;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.web.EdgeInterface;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;

/**
 * The envelope check: {@code PCD_CST_ID}, {@code PCD_CUST_KEY} and {@code PCD_AUTH_KEY}
 * against the session auth.php issued, answered in the operation's own codes. Payple
 * operations declare their envelope to {@link PartnerOperation}, which runs the check;
 * the window's entry page, which answers with a page, calls {@link #check} itself.
 */
@EdgeInterface
public final class PartnerCalls {

    /** The codes an operation answers a refused envelope with. */
    public record Refusals(ResponseCode sessionExpired, ResponseCode wrongOperation, ResponseCode wrongPartnerId,
            ResponseCode wrongSecret) {

        ResponseCode codeFor(CallNotAuthorized.Reason reason) {
            return switch (reason) {
                case SESSION_EXPIRED -> sessionExpired;
                case WRONG_OPERATION -> wrongOperation;
                case WRONG_PARTNER_ID -> wrongPartnerId;
                case WRONG_SECRET -> wrongSecret;
                case DOMAIN_NOT_REGISTERED -> ResponseCode.AUTH0004;
            };
        }
    }

    /**
     * What an operation's calls carry.
     *
     * @param operation what the AuthKey must have been issued for
     * @param refusals the codes a refused envelope is answered with
     * @param spentByWork whether the operation spends a single-use key itself, in the
     * transaction of its work (one commit fewer), answering its own refusals through
     * {@link PartnerCalls#refuse}; else the check spends it
     */
    public record Envelope(Operation operation, Refusals refusals, boolean spentByWork) {

        /** An envelope whose key the check spends. */
        public static Envelope of(Operation operation, Refusals refusals) {
            return new Envelope(operation, refusals, false);
        }

        /** An envelope whose key the operation spends with its work. */
        public static Envelope spentByWork(Operation operation, Refusals refusals) {
            return new Envelope(operation, refusals, true);
        }

    }

    /** Either the authorized call or the error answer, never both. */
    public record Checked(AuthorizedCall call, WireResponse refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private PartnerCalls() {
    }

    /**
     * Checks the envelope, consuming a single-use key when it holds unless the operation
     * spends it with its work.
     */
    public static Checked check(PartnerAuthentication authentication, WireRequest request, Envelope envelope) {
        CallCredentials credentials = new CallCredentials(request.partnerId(), request.secret(), request.authKey(),
                request.refererHost());
        try {
            return new Checked(
                    envelope.spentByWork() ? authentication.authorizeDeferred(credentials, envelope.operation())
                            : authentication.authorize(credentials, envelope.operation()),
                    null);
        }
        catch (CallNotAuthorized e) {
            return new Checked(null, WireResponse.error(envelope.refusals().codeFor(e.reason())));
        }
    }

    /**
     * An operation's own refusal of a call whose key it spends with its work: the key is
     * spent first, and a key spent before is answered as one, as the check would have
     * answered it.
     */
    public static WireResponse refuse(AuthorizedCall call, WireResponse refusal, Refusals refusals) {
        return call.use().spend() ? refusal : spent(refusals);
    }

    /** The answer to a key spent before. */
    public static WireResponse spent(Refusals refusals) {
        return WireResponse.error(refusals.sessionExpired());
    }

}
