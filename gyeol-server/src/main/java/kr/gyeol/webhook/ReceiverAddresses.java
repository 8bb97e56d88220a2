package kr.gyeol.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.PartnerMode;
import kr.gyeol.partner.PartnerProperties;
import kr.gyeol.shared.PartnerId;

import org.springframework.stereotype.Component;

/**
 * Where a partner's webhooks may go. A live partner's receiver must be on the public
 * internet: a host that resolves to a loopback, private, link-local (the cloud metadata
 * service at 169.254.169.254 among them), carrier-grade NAT, unique-local, multicast or
 * unspecified address is refused, checked when the URL is set and again, resolved anew,
 * before every delivery; redirects are never followed. A test-mode partner delivers to
 * such addresses (localhost, the sandbox's main use) unless its
 * {@code webhooks-to-private-networks} is false. A partner that is not configured is
 * treated as live, unless it is one of the test kit's test-mode partners, which deliver
 * to such addresses too (a test's own receiver on localhost).
 */
@Component
public class ReceiverAddresses {

    private final PartnerProperties partners;

    private final PartnerAuthentication authentication;

    ReceiverAddresses(PartnerProperties partners, PartnerAuthentication authentication) {
        this.partners = partners;
        this.authentication = authentication;
    }

    /** Why a webhook to {@code url} may not go out, or empty when it may. */
    public Optional<String> refusal(PartnerId partner, String url) {
        Optional<PartnerProperties.PartnerEntry> entry = this.partners.partners()
            .stream()
            .filter((candidate) -> partner.value().equals(candidate.id()))
            .findFirst();
        boolean testKitPartner = entry.isEmpty() && this.authentication.isTestMode(partner.value());
        if (testKitPartner || entry.map(PartnerProperties.PartnerEntry::deliversToPrivateNetworks).orElse(false)) {
            return Optional.empty();
        }
        URI uri;
        String host;
        try {
            uri = URI.create(url);
            host = uri.getHost();
        }
        catch (IllegalArgumentException e) {
            return Optional.of("invalid URL");
        }
        if (host == null) {
            return Optional.of("invalid URL");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        }
        catch (UnknownHostException e) {
            return Optional.of("the receiver's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!publicAddress(address)) {
                return Optional.of("the receiver's host resolves to a loopback, private or link-local address,"
                        + " which a live partner's webhooks never reach");
            }
        }
        boolean live = entry.map((found) -> found.mode() == PartnerMode.LIVE).orElse(true);
        if (live && !"https".equalsIgnoreCase(uri.getScheme())) {
            // A live partner's payment events carry its customers' data and its
            // signature: never in clear text.
            return Optional.of("a live partner's webhooks go to https URLs only");
        }
        return Optional.empty();
    }

    /** Whether an address is on the public internet. */
    static boolean publicAddress(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8, 100.64.0.0/10 (carrier-grade NAT), 192.0.0.0/24, 198.18.0.0/15,
            // 240.0.0.0/4.
            return !(first == 0 || (first == 100 && (second & 0xc0) == 64)
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || (first == 198 && (second & 0xfe) == 18) || first >= 240);
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 (unique local); an IPv4-mapped or -compatible address is its IPv4
            // one.
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped
                    && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0))) {
                try {
                    return publicAddress(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                }
                catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

}
