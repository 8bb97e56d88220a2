package kr.gyeol.partner;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import java.util.List;
import java.util.Locale;

/**
 * A partner (가맹점) as stored: secrets only as salted hashes.
 *
 * @param previousSecretHash the key a rotation replaced while it is still accepted, else
 * null
 */
public record Partner(PartnerId id, String secretHash, String refundKeyHash, String clientKey, PartnerMode mode,
        RefererCheck refererCheck, List<String> domains, String previousSecretHash) {

    public Partner {
        domains = List.copyOf(domains);
    }

    public Partner(PartnerId id, String secretHash, String refundKeyHash, String clientKey, PartnerMode mode,
            RefererCheck refererCheck, List<String> domains) {
        this(id, secretHash, refundKeyHash, clientKey, mode, refererCheck, domains, null);
    }

    /** The partner key, or during a rotation's overlap the key it replaced. */
    public boolean acceptsSecret(String presented) {
        return acceptsSecret(this.secretHash, this.previousSecretHash, presented);
    }

    /** Whether {@code presented} is the key of either hash (the previous may be null). */
    public static boolean acceptsSecret(String secretHash, String previousSecretHash, String presented) {
        // Both are compared whatever the first gives, so the time taken tells nothing.
        boolean current = Tokens.matchesSecret(secretHash, presented);
        boolean previous = previousSecretHash != null && Tokens.matchesSecret(previousSecretHash, presented);
        return current || previous;
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
