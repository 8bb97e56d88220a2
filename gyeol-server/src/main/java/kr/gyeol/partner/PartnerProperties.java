package kr.gyeol.partner;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Partners configured in YAML or the environment ({@code gyeol.partners[0].id}, {@code
 * GYEOL_PARTNERS_0_ID}, …). Give each secret either in clear ({@code secret}, hashed
 * before it is stored) or already hashed ({@code secret-hash}); likewise the refund key.
 */
@ConfigurationProperties("gyeol")
public record PartnerProperties(List<PartnerEntry> partners) {

    public PartnerProperties {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    /** One configured partner. */
    public record PartnerEntry(String id, String secret, String secretHash, String refundKey, String refundKeyHash,
            String clientKey, PartnerMode mode, RefererCheck refererCheck, List<String> domains, WebhookEntry webhook,
            String gpayServiceId, List<String> gpayAllowedIps, Boolean webhooksToPrivateNetworks) {

        public PartnerEntry {
            mode = mode == null ? PartnerMode.TEST : mode;
            refererCheck = refererCheck == null ? RefererCheck.LENIENT : refererCheck;
            domains = domains == null ? List.of() : List.copyOf(domains);
            gpayAllowedIps = gpayAllowedIps == null ? List.of() : List.copyOf(gpayAllowedIps);
        }

        /**
         * Whether this partner's webhooks may go to loopback, private and link-local
         * addresses: never in live mode; in test mode unless switched off (a sandbox
         * delivers to localhost).
         */
        public boolean deliversToPrivateNetworks() {
            return mode == PartnerMode.TEST && !Boolean.FALSE.equals(webhooksToPrivateNetworks);
        }
    }

    /**
     * A partner's webhook receivers ({@code gyeol.partners[0].webhook.result-url}, …);
     * the format is {@code json} or {@code form}; without a secret one is generated once.
     */
    public record WebhookEntry(String resultUrl, String revocationUrl, String format, String secret) {
    }
}
