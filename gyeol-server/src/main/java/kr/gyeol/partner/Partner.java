package kr.gyeol.partner;

import kr.gyeol.shared.PartnerId;
import java.util.List;
import java.util.Locale;

/** A partner (가맹점) as stored: secrets only as salted hashes. */
public record Partner(PartnerId id, String secretHash, String refundKeyHash, String clientKey, PartnerMode mode,
        RefererCheck refererCheck, List<String> domains) {

    public Partner {
        domains = List.copyOf(domains);
    }

    /** A registered domain or any of its sub-domains passes (spec §4.2). */
    public boolean allowsHost(String host) {
        return this.refererCheck == RefererCheck.LENIENT || isRegisteredDomain(host);
    }

    /**
     * The host is a registered domain or a sub-domain of one, whatever the Referer check.
     */
    public boolean isRegisteredDomain(String host) {
        if (host == null) {
            return false;
        }
        String candidate = host.toLowerCase(Locale.ROOT);
        for (String domain : domains) {
            String registered = domain.toLowerCase(Locale.ROOT);
            if (candidate.equals(registered) || candidate.endsWith("." + registered)) {
                return true;
            }
        }
        return false;
    }
}
