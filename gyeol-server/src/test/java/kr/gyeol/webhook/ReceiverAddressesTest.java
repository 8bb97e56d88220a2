package kr.gyeol.webhook;

import java.net.InetAddress;
import java.util.List;

import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.PartnerMode;
import kr.gyeol.partner.PartnerProperties;
import kr.gyeol.partner.PartnerProperties.PartnerEntry;
import kr.gyeol.shared.PartnerId;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which receivers a partner's webhooks may reach. */
class ReceiverAddressesTest {

    private static PartnerEntry partner(String id, PartnerMode mode, Boolean privateNetworks) {
        return new PartnerEntry(id, "secret", null, null, null, null, mode, null, null, null, null, null,
                privateNetworks);
    }

    /**
     * The stored partners: one test-mode partner the test kit made, which no
     * configuration names.
     */
    private final PartnerAuthentication stored = stored();

    private static PartnerAuthentication stored() {
        PartnerAuthentication stored = Mockito.mock(PartnerAuthentication.class);
        Mockito.when(stored.isTestMode("tkkit")).thenReturn(true);
        return stored;
    }

    private final ReceiverAddresses addresses = new ReceiverAddresses(
            new PartnerProperties(List.of(partner("sandbox", PartnerMode.TEST, null),
                    partner("strict-sandbox", PartnerMode.TEST, false), partner("live", PartnerMode.LIVE, true))),
            this.stored);

    @Test
    void aTestKitPartnerReachesLocalhostOverHttp() {
        assertThat(this.addresses.refusal(PartnerId.of("tkkit"), "http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(this.addresses.refusal(PartnerId.of("tkother"), "http://127.0.0.1:9000/hook")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1", "240.0.0.1", "198.18.0.1",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1" })
    void privateLoopbackLinkLocalAndReservedAddressesAreNotPublic(String address) throws Exception {
        assertThat(ReceiverAddresses.publicAddress(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888",
            "::ffff:8.8.8.8" })
    void publicAddressesArePublic(String address) throws Exception {
        assertThat(ReceiverAddresses.publicAddress(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void liveAndUnconfiguredPartnersNeverReachLoopbackOrMetadataAddressesWhateverTheirSwitch() {
        assertThat(this.addresses.refusal(PartnerId.of("live"), "http://127.0.0.1:9000/hook")).isPresent();
        assertThat(this.addresses.refusal(PartnerId.of("live"), "http://169.254.169.254/latest/meta-data")).isPresent();
        assertThat(this.addresses.refusal(PartnerId.of("live"), "http://localhost/hook")).isPresent();
        assertThat(this.addresses.refusal(PartnerId.of("live"), "http://[::1]:8080/hook")).isPresent();
        assertThat(this.addresses.refusal(PartnerId.of("unknown"), "http://10.0.0.5/hook")).isPresent();
        assertThat(this.addresses.refusal(PartnerId.of("live"), "https://no-such-host.invalid/hook"))
            .hasValueSatisfying((why) -> assertThat(why).contains("does not resolve"));
    }

    @Test
    void aLivePartnersWebhooksGoOverHttpsOnly() {
        assertThat(this.addresses.refusal(PartnerId.of("live"), "http://8.8.8.8/hook"))
            .hasValueSatisfying((why) -> assertThat(why).contains("https"));
        assertThat(this.addresses.refusal(PartnerId.of("unknown"), "http://8.8.8.8/hook")).isPresent();
        assertThat(this.addresses.refusal(PartnerId.of("live"), "https://8.8.8.8/hook")).isEmpty();
        assertThat(this.addresses.refusal(PartnerId.of("strict-sandbox"), "http://8.8.8.8/hook"))
            .as("a test partner may use http")
            .isEmpty();
    }

    @Test
    void aTestPartnerReachesLocalhostUnlessSwitchedOff() {
        assertThat(this.addresses.refusal(PartnerId.of("sandbox"), "http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(this.addresses.refusal(PartnerId.of("strict-sandbox"), "http://127.0.0.1:9000/hook")).isPresent();
    }

}
