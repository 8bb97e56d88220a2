package kr.gyeol.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The auth flag routing table of spec §1.2 and the path lookup. */
class EndpointTest {

    @Test
    void workCodeWinsOverFlags() {
        assertThat(Endpoint.route(Map.of("PCD_PAY_WORK", "puserdel", "PCD_PAYCANCEL_FLAG", "Y")))
            .isEqualTo(Endpoint.BILLING_KEY_REVOKE);
    }

    @Test
    void cancelWinsOverLookupAndLookupOverMonthly() {
        assertThat(Endpoint.route(Map.of("PCD_PAYCANCEL_FLAG", "Y", "PCD_PAYCHK_FLAG", "Y")))
            .isEqualTo(Endpoint.CANCEL);
        assertThat(Endpoint.route(Map.of("PCD_PAYCHK_FLAG", "y", "PCD_REGULER_FLAG", "Y")))
            .isEqualTo(Endpoint.PAYMENT_LOOKUP);
    }

    @Test
    void payTypeDefaultsToAccount() {
        assertThat(Endpoint.route(Map.of("PCD_SIMPLE_FLAG", "Y"))).isEqualTo(Endpoint.SIMPLE_PAY_ACCOUNT);
        assertThat(Endpoint.route(Map.of("PCD_REGULAR_FLAG", "Y", "PCD_PAY_TYPE", "CARD")))
            .isEqualTo(Endpoint.MONTHLY_PAY_CARD);
    }

    @Test
    void windowWorkCodesAndNothingGoToTheWindow() {
        assertThat(Endpoint.route(Map.of())).isEqualTo(Endpoint.PAYMENT_WINDOW);
        assertThat(Endpoint.route(Map.of("PCD_PAY_WORK", "PAY", "PCD_PAY_TYPE", "card")))
            .isEqualTo(Endpoint.PAYMENT_WINDOW);
    }

    @Test
    void findsOperationsByPathAndAct() {
        assertThat(Endpoint.at("/php/cPayUser/api/cPayUserAct.php", "PUSERINFO")).isEqualTo(Endpoint.BILLING_KEY_INFO);
        assertThat(Endpoint.at("/php/cPayUser/api/cPayUserAct.php", "puserdel")).isEqualTo(Endpoint.BILLING_KEY_REVOKE);
        assertThat(Endpoint.at("/php/cPayUser/api/cPayUserAct.php", null)).isNull();
        assertThat(Endpoint.at("/php/PayChkAct.php", null)).isEqualTo(Endpoint.PAYMENT_LOOKUP);
        assertThat(Endpoint.at("/php/PayAct.php", "PAYM")).isEqualTo(Endpoint.PAYMENT_WINDOW);
        assertThat(Endpoint.at("/php/auth.php", null)).isEqualTo(Endpoint.PARTNER_AUTH);
    }

}
