package kr.gyeol.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which configured partner the demo shop acts as, and when it acts as none. */
class DemoPartnerTest {

    private static MockEnvironment partner(MockEnvironment environment, int index, String id, String secret,
            String mode) {
        environment.setProperty("gyeol.partners[" + index + "].id", id);
        if (secret != null) {
            environment.setProperty("gyeol.partners[" + index + "].secret", secret);
        }
        if (mode != null) {
            environment.setProperty("gyeol.partners[" + index + "].mode", mode);
        }
        return environment;
    }

    @Test
    void aTestModePartnerWithASecretIsChosenAndALivePartnerNever() {
        MockEnvironment environment = partner(new MockEnvironment(), 0, "shop-live", "live-secret", "live");
        partner(environment, 1, "hashed", null, "test");
        partner(environment, 2, "shop-test", "test-secret", null);
        environment.setProperty("gyeol.partners[2].domains[0]", "shop.example");

        DemoPartner chosen = DemoPartner.choose(environment, "").orElseThrow();

        assertThat(chosen.id()).isEqualTo("shop-test");
        assertThat(chosen.referer()).isEqualTo("http://shop.example/demo");
        assertThat(chosen.toString()).doesNotContain("test-secret");
    }

    @Test
    void gyeolDemoPartnerPicksOneAndOnlyLivePartnersMeanNoDemo() {
        MockEnvironment environment = partner(new MockEnvironment(), 0, "a", "s1", "test");
        partner(environment, 1, "b", "s2", "TEST");
        assertThat(DemoPartner.choose(environment, "b")).hasValueSatisfying((p) -> assertThat(p.id()).isEqualTo("b"));
        assertThat(DemoPartner.choose(environment, "c")).isEmpty();

        MockEnvironment live = partner(new MockEnvironment(), 0, "shop", "secret", "live");
        assertThat(DemoPartner.choose(live, "")).isEmpty();
        assertThat(DemoPartner.choose(live, "shop")).as("never a live partner, even when named").isEmpty();
    }

}
