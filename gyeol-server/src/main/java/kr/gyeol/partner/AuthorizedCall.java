package kr.gyeol.partner;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.SingleUse;

/**
 * A call whose AuthKey and credentials held.
 *
 * @param context what the key was issued about, e.g. a pending account registration, or
 * null
 * @param use the key's use, still to be spent when the call was authorized without
 * spending it ({@link PartnerAuthentication#authorizeDeferred}), else
 * {@link SingleUse#SPENT}
 */
public record AuthorizedCall(PartnerId partnerId, PartnerMode mode, String context, SingleUse use) {

    public boolean testMode() {
        return mode == PartnerMode.TEST;
    }

    /** The same call with its key spent. */
    AuthorizedCall spent() {
        return new AuthorizedCall(partnerId, mode, context, SingleUse.SPENT);
    }
}
