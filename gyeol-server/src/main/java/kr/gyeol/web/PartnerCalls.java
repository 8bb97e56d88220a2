package kr.gyeol.web;

import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.CallCredentials;
import kr.gyeol.partner.CallNotAuthorized;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.protocol.ResponseCode;

/**
 * The envelope check every operation edge starts with: {@code PCD_CST_ID},
 * {@code PCD_CUST_KEY} and {@code PCD_AUTH_KEY} against the session auth.php issued,
 * answered in the operation's own codes.
 */
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

    /** Either the authorized call or the error answer, never both. */
    public record Checked(AuthorizedCall call, WireResponse refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private PartnerCalls() {
    }

    /**
     * Checks the envelope for {@code operation}, consuming a single-use key when it
     * holds.
     */
    public static Checked authorize(PartnerAuthentication authentication, WireRequest request, Operation operation,
            Refusals refusals) {
        try {
            return new Checked(authentication.authorize(credentials(request), operation), null);
        }
        catch (CallNotAuthorized e) {
            return new Checked(null, WireResponse.error(refusals.codeFor(e.reason())));
        }
    }

    /**
     * Checks the envelope for {@code operation} without spending a single-use key: the
     * operation spends the call's {@link AuthorizedCall#use()} in the transaction of its
     * work, and answers any refusal of its own through {@link #refuse}, so the key is
     * used by every answered call as {@link #authorize} would use it.
     */
    public static Checked authorizeDeferred(PartnerAuthentication authentication, WireRequest request,
            Operation operation, Refusals refusals) {
        try {
            return new Checked(authentication.authorizeDeferred(credentials(request), operation), null);
        }
        catch (CallNotAuthorized e) {
            return new Checked(null, WireResponse.error(refusals.codeFor(e.reason())));
        }
    }

    /**
     * An operation's own refusal of a call authorized by {@link #authorizeDeferred}: the
     * key is spent first, and a key spent before is answered as one, as
     * {@link #authorize} would have answered it.
     */
    public static WireResponse refuse(AuthorizedCall call, WireResponse refusal, Refusals refusals) {
        return call.use().spend() ? refusal : spent(refusals);
    }

    /** The answer to a key spent before. */
    public static WireResponse spent(Refusals refusals) {
        return WireResponse.error(refusals.sessionExpired());
    }

    private static CallCredentials credentials(WireRequest request) {
        return new CallCredentials(request.partnerId(), request.secret(), request.authKey(), request.refererHost());
    }

}
