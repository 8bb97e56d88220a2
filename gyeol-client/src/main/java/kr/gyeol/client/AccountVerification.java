package kr.gyeol.client;

import java.net.URI;

/**
 * An account registration waiting for the customer's ARS confirmation: show
 * {@link #requestNumber()} to the customer, who keys it in on the ARS call; then pass
 * this to {@link BillingKeys#confirmAccount}. It holds a one-time session; keep it on the
 * server side.
 *
 * @param requestNumber the number the customer keys in ({@code PCD_AUTH_REQNUM})
 * @param arsRequestId the ARS request's id ({@code PCD_AUTH_NUM})
 * @param confirmUrl where the confirmation goes
 * @param cstId the session's partner token
 * @param custKey the session's key token
 * @param authKey the session's AuthKey
 */
public record AccountVerification(String requestNumber, String arsRequestId, URI confirmUrl, String cstId,
        String custKey, String authKey) {

    @Override
    public String toString() {
        return "AccountVerification[requestNumber=" + this.requestNumber + "]";
    }

}
