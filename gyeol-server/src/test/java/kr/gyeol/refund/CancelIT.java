package kr.gyeol.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gyeol.shared.Settlement;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;

/** Cancels and refunds (spec §1.8) and result lookups (§1.9) over real HTTP. */
class CancelIT extends GatewayTest {

    @org.springframework.beans.factory.annotation.Autowired
    Settlement refundReconciler;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String paidOrder(long amount) {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("refund");
        assertThat(payple.chargeCard(key, orderId, amount)).containsEntry("PCD_PAY_RST", "success");
        return orderId;
    }

    private String today() {
        return KoreanTime.date(clock.instant());
    }

    @Test
    void refundsPartiallyThenFullyAndNeverBeyond() {
        String orderId = paidOrder(1000);
        assertThat(payple.refund(orderId, today(), 300)).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "PAYC0000")
            .containsEntry("PCD_PAY_MSG", "환불성공")
            .containsEntry("PCD_REFUND_TOTAL", "300")
            .containsEntry("PCD_REFUND_TAXTOTAL", "27")
            .containsEntry("PCD_PAY_OID", orderId);
        assertThat(payple.refund(orderId, today(), 701)).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "PAYC0011");
        assertThat(payple.refund(orderId, today(), 700)).containsEntry("PCD_PAY_CODE", "PAYC0000")
            // The last refund takes the VAT that is left: 91 - 27.
            .containsEntry("PCD_REFUND_TAXTOTAL", "64");
        assertThat(payple.refund(orderId, today(), 1)).containsEntry("PCD_PAY_CODE", "PAYC0011");
    }

    @Test
    void refusesWrongRefundKeyDateAmountAndOrder() {
        String orderId = paidOrder(1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_REFUND_KEY", "wrong");
        body.put("PCD_PAYCANCEL_FLAG", "Y");
        body.put("PCD_PAY_OID", orderId);
        body.put("PCD_PAY_DATE", today());
        body.put("PCD_REFUND_TOTAL", "100");
        assertThat(payple.call(Map.of("PCD_PAYCANCEL_FLAG", "Y"), body)).containsEntry("PCD_PAY_CODE", "PAYC0002");
        assertThat(payple.refund(orderId, "20000101", 100)).containsEntry("PCD_PAY_CODE", "PAYC0007");
        assertThat(payple.refund("no-such-order", today(), 100)).containsEntry("PCD_PAY_CODE", "PAYC0007");
        assertThat(payple.refund(orderId, today(), 0)).containsEntry("PCD_PAY_CODE", "PAYC0003");
        // An amount that is not ASCII digits, or one the parser cannot take, is the
        // amount's error too (issue 25), and refunds nothing.
        for (Object amount : java.util.List.<Object>of("1,000", " 100 ", "１００", java.util.List.of(100), "1\u0000")) {
            Map<String, Object> refund = new LinkedHashMap<>(body);
            refund.put("PCD_REFUND_KEY", PaypleTestClient.REFUND_KEY);
            refund.put("PCD_REFUND_TOTAL", amount);
            assertThat(payple.call(Map.of("PCD_PAYCANCEL_FLAG", "Y"), refund)).as(String.valueOf(amount))
                .containsEntry("PCD_PAY_CODE", "PAYC0003");
        }
        assertThat(payple.refund(orderId, today(), 1000)).as("nothing was refunded")
            .containsEntry("PCD_PAY_CODE", "PAYC0000");
    }

    @Test
    void refundWithUnknownOutcomeCountsUntilTheReconcilerSettlesIt() {
        String orderId = paidOrder(5000);
        // The simulator times out cancels of exactly 1,119원.
        assertThat(this.payple.refund(orderId, today(), 1119)).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "PAYC0012");
        assertThat(this.payple.refund(orderId, today(), 3882)).containsEntry("PCD_PAY_CODE", "PAYC0011");
        assertThat(refundStatuses(orderId)).containsExactly("UNKNOWN");
        this.refundReconciler.settleDue();
        assertThat(refundStatuses(orderId)).containsExactly("UNKNOWN");
        this.clock.advance(java.time.Duration.ofSeconds(31));
        assertThat(this.refundReconciler.settleDue()).isGreaterThanOrEqualTo(1);
        assertThat(refundStatuses(orderId)).containsExactly("APPROVED");
        assertThat(this.payple.refund(orderId, today(), 3881)).containsEntry("PCD_PAY_CODE", "PAYC0000");
    }

    private java.util.List<String> refundStatuses(String orderId) {
        return this.jdbc.sql("""
                SELECT r.status FROM refunds r JOIN payments p ON p.id = r.payment_id
                WHERE p.order_id = :orderId ORDER BY r.requested_at
                """).param("orderId", orderId).query(String.class).list();
    }

    @Test
    void declinedPaymentCannotBeRefunded() {
        String key = payple.registerCard("4000000000000002");
        String orderId = PaypleTestClient.uniqueOrderId("declined");
        payple.chargeCard(key, orderId, 1000);
        assertThat(payple.refund(orderId, today(), 1000)).containsEntry("PCD_PAY_CODE", "PAYC0007");
    }

    @Test
    void legacyCancelThroughPayChkActIsDispatched() {
        String orderId = paidOrder(2000);
        Map<String, String> session = payple.auth(Map.of("PCD_PAYCANCEL_FLAG", "Y"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_REFUND_KEY", PaypleTestClient.REFUND_KEY);
        body.put("PCD_PAYCANCEL_FLAG", "Y");
        body.put("PCD_PAY_OID", orderId);
        body.put("PCD_PAY_DATE", Long.parseLong(today()));
        body.put("PCD_REFUND_TOTAL", 2000);
        // Older docs name the refund's VAT PCD_PAY_TAXTOTAL.
        body.put("PCD_PAY_TAXTOTAL", 182);
        assertThat(payple.post(payple.baseUrl() + "/php/PayChkAct.php", PaypleTestClient.withEnvelope(session, body)))
            .containsEntry("PCD_PAY_CODE", "PAYC0000")
            .containsEntry("PCD_REFUND_TAXTOTAL", "182");
    }

    @Test
    void looksUpPaymentsAsTheyWereAtCompletion() {
        String orderId = paidOrder(1000);
        payple.refund(orderId, today(), 1000);
        Map<String, String> session = payple.auth(Map.of("PCD_PAYCHK_FLAG", "Y"));
        Map<String, Object> body = PaypleTestClient.withEnvelope(session,
                Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE", today(), "PCD_PAY_TYPE", "card"));
        for (int i = 0; i < 2; i++) {
            assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_RST", "success")
                .containsEntry("PCD_PAY_CODE", "PCHK000")
                .containsEntry("PCD_PAY_TOTAL", "1000")
                .containsEntry("PCD_CARDNUM", "4242-****-****-4242")
                .containsEntry("PCD_PAY_CARDNUM", "4242-****-****-4242");
        }
        body.put("PCD_PAY_OID", "missing");
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "CBIL0003");
    }

    @Test
    void receiptPageShowsMaskedData() throws Exception {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, String> paid = payple.chargeCard(key, null, 4500);
        var response = java.net.http.HttpClient.newHttpClient()
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(paid.get("PCD_PAY_CARDRECEIPT"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("4242-****-****-4242")
            .contains("4,500원")
            .containsPattern("<dd>20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}</dd>")
            .doesNotContain("취소 내역")
            .doesNotContain(PaypleTestClient.CARD);

        // The refunds show on it, with what is left.
        assertThat(payple.refund(paid.get("PCD_PAY_OID"), paid.get("PCD_PAY_TIME").substring(0, 8), 1500))
            .containsEntry("PCD_PAY_CODE", "PAYC0000");
        String refunded = java.net.http.HttpClient.newHttpClient()
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(paid.get("PCD_PAY_CARDRECEIPT"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
        assertThat(refunded).contains("취소 내역").contains("1,500원").contains("남은 금액 3,000원");

        // Styled by the gateway's own stylesheet, with an icon: nothing it asks for is
        // missing.
        assertThat(refunded).contains("<link rel=\"stylesheet\" href=\"/receipt.css\">")
            .contains("<link rel=\"icon\" href=\"/favicon.svg\"");
        for (String asset : List.of("/receipt.css", "/favicon.svg", "/favicon.ico")) {
            var served = java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(payple.baseUrl() + asset)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(served.statusCode()).as(asset).isEqualTo(200);
        }
        var missing = java.net.http.HttpClient.newHttpClient()
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(payple.baseUrl() + "/receipt/no-such-trade"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("영수증을 찾을 수 없습니다.");
    }

    @Test
    void aDeclinedCardPaymentHasNoReceiptLink() {
        String key = payple.registerCard("4000000000000002");
        assertThat(payple.chargeCard(key, null, 4500)).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CARDRECEIPT", "");
    }

}
