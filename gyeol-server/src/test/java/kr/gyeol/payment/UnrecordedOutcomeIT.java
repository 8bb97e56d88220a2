package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import kr.gyeol.shared.Settlement;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.FailingUpdates;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When the network has answered but its answer cannot be written, a charge or refund is
 * answered with its operation's unknown-outcome code, never with a code that invites a
 * retry; the row waits for the reconciler, which settles it by asking the network.
 */
class UnrecordedOutcomeIT extends GatewayTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Settlement reconciler;

    private Map<String, String> lookup(String orderId) {
        return payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"), Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE",
                KoreanTime.date(clock.instant()), "PCD_PAY_TYPE", "card"));
    }

    private String status(String table, String column, String value) {
        return jdbc.sql("SELECT status FROM " + table + " WHERE " + column + " = :value")
            .param("value", value)
            .query(String.class)
            .single();
    }

    @Test
    void anApprovedChargeWhoseAnswerCannotBeRecordedIsUnknownAndNeverChargedAgain() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("unrecorded");
        try (FailingUpdates failing = FailingUpdates.on(jdbc, "payments")) {
            assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_RST", "error")
                .containsEntry("PCD_PAY_CODE", "SPCD1001");
        }
        assertThat(status("payments", "order_id", orderId)).isEqualTo("PENDING");
        assertThat(lookup(orderId)).containsEntry("PCD_PAY_CODE", "SPCD1001");
        assertThat(payple.chargeCard(key, orderId, 1000)).as("a retry of the same order")
            .containsEntry("PCD_PAY_CODE", "SPCD0014");

        // The reconciler takes a PENDING row over once it looks stuck, and asks the
        // network.
        clock.advance(Duration.ofMinutes(6));
        assertThat(reconciler.settleDue()).isGreaterThanOrEqualTo(0);
        clock.advance(Duration.ofSeconds(31));
        reconciler.settleDue();
        assertThat(status("payments", "order_id", orderId)).isEqualTo("APPROVED");
        assertThat(lookup(orderId)).containsEntry("PCD_PAY_CODE", "PCHK000");
    }

    @Test
    void aRefundWhoseAnswerCannotBeRecordedIsUnknownAndCountsAgainstTheBalance() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("unrecordedrefund");
        assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_CODE", "SPCD0000");
        String today = KoreanTime.date(clock.instant());
        try (FailingUpdates failing = FailingUpdates.on(jdbc, "refunds")) {
            assertThat(payple.refund(orderId, today, 1000)).containsEntry("PCD_PAY_RST", "error")
                .containsEntry("PCD_PAY_CODE", "PAYC0012")
                .hasEntrySatisfying("PCD_PAY_MSG", message -> assertThat(message).contains("다시 요청하지 마세요"));
        }
        assertThat(payple.refund(orderId, today, 1)).as("the unknown refund still counts")
            .containsEntry("PCD_PAY_CODE", "PAYC0011");
        clock.advance(Duration.ofMinutes(6));
        reconciler.settleDue();
        clock.advance(Duration.ofSeconds(31));
        reconciler.settleDue();
        assertThat(status("refunds", "payment_id",
                jdbc.sql("SELECT id FROM payments WHERE order_id = :orderId")
                    .param("orderId", orderId)
                    .query(String.class)
                    .single()))
            .isEqualTo("APPROVED");
    }

}
