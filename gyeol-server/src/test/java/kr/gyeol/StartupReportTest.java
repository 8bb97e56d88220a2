package kr.gyeol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import kr.gyeol.partner.PartnerMode;
import kr.gyeol.partner.PartnerProperties.PartnerEntry;
import org.junit.jupiter.api.Test;

/** The one warning a live gateway with sandbox doors open logs at start (issue 27). */
class StartupReportTest {

    private static PartnerEntry partner(String id, PartnerMode mode) {
        return new PartnerEntry(id, "secret-of-" + id, null, "refund-key", null, null, mode, null, null, null, null,
                null, null);
    }

    @Test
    void aSandboxWarnsOfNothing() {
        assertThat(StartupReport.publicDoorsBesideLivePartners(List.of(partner("test", PartnerMode.TEST)), true))
            .isEmpty();
    }

    @Test
    void aLiveGatewayWithTheTestPartnerOrTheDemoIsWarned() {
        PartnerEntry live = partner("shop", PartnerMode.LIVE);
        assertThat(StartupReport.publicDoorsBesideLivePartners(List.of(live, partner("test", PartnerMode.TEST)), true))
            .hasValueSatisfying((warning) -> assertThat(warning).contains("[shop]")
                .contains("public test partner 'test'")
                .contains("demo shop"));
        assertThat(StartupReport.publicDoorsBesideLivePartners(List.of(live), true))
            .hasValueSatisfying((warning) -> assertThat(warning).contains("demo shop").doesNotContain("public test"));
        assertThat(StartupReport.publicDoorsBesideLivePartners(List.of(live, partner("test", PartnerMode.TEST)), false))
            .hasValueSatisfying((warning) -> assertThat(warning).contains("public test partner"));
        assertThat(StartupReport.publicDoorsBesideLivePartners(List.of(live), false)).isEmpty();
    }

}
