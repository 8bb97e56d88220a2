package kr.gyeol.vault.web;

import java.util.Map;
import java.util.Optional;

import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.EventPayloads;
import kr.gyeol.shared.EventType;
import kr.gyeol.vault.Vault;
import kr.gyeol.web.WireResponse;

import org.springframework.stereotype.Component;

/**
 * The webhook bodies of a billing key's registration and revocation (spec §6): the key's
 * fields as PUSERINFO answers them, with {@code PCD_PAY_WORK} {@code AUTH} or
 * {@code PUSERDEL}.
 */
@Component
class BillingKeyEvents implements EventPayloads {

    private final Vault vault;

    BillingKeyEvents(Vault vault) {
        this.vault = vault;
    }

    @Override
    public Optional<Map<String, ?>> render(EventType type, String subjectId, String baseUrl) {
        if (type != EventType.BILLING_KEY_REGISTERED && type != EventType.BILLING_KEY_REVOKED) {
            return Optional.empty();
        }
        boolean revoked = type == EventType.BILLING_KEY_REVOKED;
        return this.vault.findById(BillingKeyId.of(subjectId))
            .map((key) -> BillingKeyOperations
                .keyAnswer(WireResponse.success(revoked ? ResponseCode.PUSER0000 : ResponseCode.CDAU0000), key)
                .put(Fields.CST_ID, key.partnerId())
                .put(Fields.PAY_WORK, revoked ? "PUSERDEL" : "AUTH")
                .fields());
    }

}
