package kr.gyeol.web;

import java.util.Optional;
import kr.gyeol.shared.PartnerId;

/**
 * Who is calling, for the shared edge's {@code Idempotency-Key} scope: the partner a
 * Payple envelope or a JSON API's Basic credentials prove. The partner capability's edge
 * answers; this interface is the seam because the shared edge knows no capability
 * (docs/architecture.md), not because a second implementation is expected.
 */
public interface Callers {

    /**
     * The partner whose credentials the envelope ({@code PCD_CST_ID},
     * {@code PCD_CUST_KEY}, {@code PCD_AUTH_KEY}) carries, without spending its key;
     * empty when they prove none.
     */
    Optional<PartnerId> ofEnvelope(WireRequest request);

    /**
     * The partner whose HTTP Basic credentials these are; empty when they prove none or
     * the partner's name is locked out from this address.
     */
    Optional<PartnerId> ofBasic(String authorization, String remoteAddress);

}
