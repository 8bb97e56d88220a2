package kr.gyeol.partner;

import kr.gyeol.shared.PartnerId;

/**
 * A call whose AuthKey and credentials held.
 *
 * @param context what the key was issued about, e.g. a pending account registration, or
 * null
 */
public record AuthorizedCall(PartnerId partnerId, PartnerMode mode, String context) {

    public boolean testMode() {
        return mode == PartnerMode.TEST;
    }
}
