package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import kr.gyeol.shared.Settlement;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that dies between writing a PENDING payment and recording the network's answer
 * leaves the row behind; after {@code gyeol.reconciler.stuck-after} the reconciler marks
 * it UNKNOWN, asks the network, and settles it. The order id stays taken throughout.
 */
class AbandonedPaymentIT extends GatewayTest {

    @Autowired
    Settlement reconciler;

    @Autowired
    JdbcClient jdbc;

    @Test
    void abandonedPendingPaymentIsSettledByAskingTheNetwork() {
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("abandoned");
        assertThat(this.payple.chargeCard(key, orderId, 2000)).containsEntry("PCD_PAY_RST", "success");
        // Put the row back as the dead node would have left it: written, never answered.
        this.jdbc.sql("""
                UPDATE payments SET status = 'PENDING', approval_number = NULL, completed_at = NULL,
                    reconcile_after = :stuckAfter
                WHERE order_id = :orderId
                """)
            .param("stuckAfter", this.clock.instant().plus(Duration.ofMinutes(5)).atOffset(java.time.ZoneOffset.UTC))
            .param("orderId", orderId)
            .update();
        assertThat(this.payple.chargeCard(key, orderId, 2000)).containsEntry("PCD_PAY_CODE", "SPCD0014");

        this.reconciler.settleDue();
        assertThat(status(orderId)).isEqualTo("PENDING");

        this.clock.advance(Duration.ofMinutes(6));
        assertThat(this.reconciler.settleDue()).isGreaterThanOrEqualTo(1);
        assertThat(status(orderId)).isEqualTo("APPROVED");
        assertThat(this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"),
                Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE", KoreanTime.date(this.clock.instant()))))
            .containsEntry("PCD_PAY_CODE", "PCHK000");
    }

    private String status(String orderId) {
        return this.jdbc.sql("SELECT status FROM payments WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(String.class)
            .single();
    }

}
