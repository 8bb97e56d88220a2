package kr.gyeol.junit;

import java.util.List;

/**
 * A test-mode partner made for one test: the credentials a shop configures.
 *
 * @param cstId the partner id ({@code cst_id}, {@code PCD_CST_ID})
 * @param custKey the partner key ({@code custKey}, {@code PCD_CUST_KEY})
 * @param clientKey the public client key of the v1 payment SDK
 * @param refundKey the refund key ({@code PCD_REFUND_KEY})
 * @param domains the hosts its pages may be served from
 * @param webhookSecret the secret its webhooks are signed with
 * @param gpayServiceId its {@code service_id} on the overseas API (gpay), whose
 * {@code service_key} is the custKey
 */
public record GyeolPartner(String cstId, String custKey, String clientKey, String refundKey, List<String> domains,
        String webhookSecret, String gpayServiceId) {

    public GyeolPartner {
        domains = List.copyOf(domains);
    }

    /** The id only: the keys are secrets, even in a test's log. */
    @Override
    public String toString() {
        return "GyeolPartner[" + this.cstId + "]";
    }

}
