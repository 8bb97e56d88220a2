package kr.gyeol.vault;

import java.time.Instant;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Payer;

/**
 * A registered payment instrument as others may see it: masked, never the number itself.
 *
 * @param id the billing key handed to partners ({@code PCD_PAYER_ID})
 * @param maskedNumber e.g. {@code 4242-****-****-4242} or {@code 460-********-121}
 * @param institutionCode card company or bank code
 */
public record BillingKey(BillingKeyId id, PartnerId partnerId, InstrumentType type, BillingKeyStatus status,
        String maskedNumber, String institutionCode, String institutionName, HolderType holderType, Payer payer,
        Instant createdAt) {
}
