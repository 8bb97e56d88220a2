package kr.gyeol.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kr.gyeol.partner.jdbc.PartnerRepository;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A partner removed from the configuration stops working at the next start, with its data
 * kept; configured again, it works again (issue 27). The start is the partner seeder's
 * run with the new configuration.
 */
class RemovedPartnerIT extends GatewayTest {

    private static final String GONE = "removed-shop";

    private static final String SECRET = "removed-shop-secret-0001";

    @Autowired
    private PartnerProperties configured;

    @Autowired
    private PartnerRepository partners;

    @Autowired
    private JdbcClient jdbc;

    private void start(boolean withTheRemovedShop) {
        List<PartnerProperties.PartnerEntry> entries = new ArrayList<>(this.configured.partners());
        if (withTheRemovedShop) {
            entries.add(new PartnerProperties.PartnerEntry(GONE, SECRET, null, "removed-shop-refund-key", null, null,
                    PartnerMode.TEST, RefererCheck.LENIENT, List.of("localhost", "127.0.0.1"), null, null, null, null));
        }
        new PartnerSeeder(new PartnerProperties(entries), this.partners).afterPropertiesSet();
    }

    @Test
    void aRemovedPartnerIsDisabledWithItsDataKeptAndRestoredWhenConfiguredAgain() {
        PaypleTestClient shop = new PaypleTestClient(this.payple.baseUrl(), GONE, SECRET);
        start(true);
        Map<String, String> session = shop.auth(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"));
        assertThat(session).containsEntry("result", "success");
        String billingKey = shop.registerCard(PaypleTestClient.CARD);
        // An AuthKey issued before the start is not spent after it.
        Map<String, String> earlier = shop.auth(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"));

        start(false);
        assertThat(shop.auth(Map.of())).containsEntry("result", "error").containsEntry("code", "AUTH0003");
        Map<String, String> charge = shop.post(earlier.get("return_url"),
                PaypleTestClient.withEnvelope(earlier,
                        Map.of("PCD_PAY_TYPE", "card", "PCD_PAYER_ID", billingKey, "PCD_PAY_GOODS", "removed",
                                "PCD_PAY_TOTAL", "1000", "PCD_PAY_OID", "removed-1", "PCD_SIMPLE_FLAG", "Y")));
        assertThat(charge.get("PCD_PAY_RST")).isEqualTo("error");
        assertThat(
                this.jdbc.sql("SELECT count(*) FROM payments WHERE order_id = 'removed-1'").query(Long.class).single())
            .isZero();
        // Its data stays.
        assertThat(this.jdbc.sql("SELECT count(*) FROM billing_keys WHERE partner_id = :id")
            .param("id", GONE)
            .query(Long.class)
            .single()).isEqualTo(1);
        assertThat(this.jdbc.sql("SELECT disabled_at IS NOT NULL FROM partners WHERE id = :id")
            .param("id", GONE)
            .query(Boolean.class)
            .single()).isTrue();

        start(true);
        assertThat(shop.chargeCard(billingKey, "removed-2", 1000)).containsEntry("PCD_PAY_RST", "success");
        start(false);
    }

}
