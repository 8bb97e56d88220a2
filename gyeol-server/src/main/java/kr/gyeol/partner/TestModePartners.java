package kr.gyeol.partner;

import java.util.List;

import kr.gyeol.partner.jdbc.PartnerRepository;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;

import org.springframework.stereotype.Service;

/**
 * Throw-away test-mode partners, one per test of a shop's suite (the test kit): each with
 * its own cst_id, custKey, client key and refund key, so tests never see each other's
 * payments. No configuration names them, and a restart leaves them as they are. Always
 * test mode: nothing they do reaches a real network.
 */
@Service
public class TestModePartners {

    private final PartnerRepository partners;

    TestModePartners(PartnerRepository partners) {
        this.partners = partners;
    }

    /**
     * A new partner's credentials, the only time its secrets are shown.
     *
     * @param secret the custKey
     */
    public record Credentials(PartnerId id, String secret, String clientKey, String refundKey, List<String> domains) {

        @Override
        public String toString() {
            return "Credentials[id=" + this.id + ", domains=" + this.domains + "]";
        }

    }

    /**
     * Makes a test-mode partner whose calls may come from {@code domains} (its pages'
     * Referer; lenient, as test partners are).
     */
    public Credentials create(List<String> domains) {
        for (int attempt = 0; attempt < 3; attempt++) {
            PartnerId id = PartnerId.of("tk" + Tokens.urlSafe(12).replace("-", "").replace("_", ""));
            String secret = Tokens.urlSafe(24);
            String clientKey = "test_ck_" + Tokens.urlSafe(24);
            String refundKey = Tokens.urlSafe(32);
            Partner partner = new Partner(id, Tokens.hashSecret(secret), Tokens.hashSecret(refundKey), clientKey,
                    PartnerMode.TEST, RefererCheck.LENIENT, domains);
            if (this.partners.insertTestKit(partner)) {
                return new Credentials(id, secret, clientKey, refundKey, List.copyOf(domains));
            }
        }
        throw new IllegalStateException("Three random partner ids were taken in a row");
    }

}
