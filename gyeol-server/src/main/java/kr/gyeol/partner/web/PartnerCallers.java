package kr.gyeol.partner.web;

import java.util.Optional;
import kr.gyeol.partner.CallCredentials;
import kr.gyeol.partner.CredentialFailures;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.web.Callers;
import kr.gyeol.web.WireRequest;

import org.springframework.stereotype.Component;

/** The shared edge's {@link Callers}, answered by the partners' authentication. */
@Component
class PartnerCallers implements Callers {

    private final PartnerAuthentication authentication;

    private final CredentialFailures failures;

    PartnerCallers(PartnerAuthentication authentication, CredentialFailures failures) {
        this.authentication = authentication;
        this.failures = failures;
    }

    @Override
    public Optional<PartnerId> ofEnvelope(WireRequest request) {
        return this.authentication
            .partnerOfCall(new CallCredentials(request.partnerId(), request.secret(), request.authKey(), null));
    }

    @Override
    public Optional<PartnerId> ofBasic(String authorization, String remoteAddress) {
        String claimed = PartnerAuthentication.claimedPartnerOfBasic(authorization);
        return claimed == null || this.failures.lockedOut(claimed, remoteAddress) ? Optional.empty()
                : this.authentication.partnerOfBasic(authorization);
    }

}
