package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Settlement;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.LostCommits;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When the connection dies during the commit of a charge's or refund's first transaction,
 * PostgreSQL may have committed while the driver reports a failure: the answer is the
 * operation's unknown-outcome code, never one that invites a retry, the network is not
 * asked, and a row that was committed settles as not charged, because the network never
 * saw it.
 */
class AmbiguousCommitIT extends GatewayTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Settlement reconciler;

    private long rows(String table, String column, String value) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :value")
            .param("value", value)
            .query(Long.class)
            .single();
    }

    private String paymentColumn(String column, String orderId) {
        return jdbc.sql("SELECT " + column + " FROM payments WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(String.class)
            .single();
    }

    private void settleStuckRows() {
        clock.advance(Duration.ofMinutes(6));
        reconciler.settleDue();
        clock.advance(Duration.ofSeconds(31));
        reconciler.settleDue();
    }

    private static Map<String, String> charge(PaypleTestClient payple, String endpoint, String key, String orderId) {
        boolean card = !endpoint.contains("account");
        boolean monthly = endpoint.startsWith("monthly");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", card ? "card" : "transfer");
        body.put("PCD_PAYER_ID", key);
        body.put("PCD_PAY_GOODS", "정기구독");
        body.put("PCD_PAY_TOTAL", "1000");
        body.put("PCD_PAY_OID", orderId);
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("PCD_PAY_TYPE", card ? "card" : "transfer");
        if (monthly) {
            flags.put("PCD_REGULER_FLAG", "Y");
            body.put("PCD_REGULER_FLAG", "Y");
            body.put("PCD_PAY_YEAR", "2031");
            body.put("PCD_PAY_MONTH", String.valueOf(1 + (int) (System.nanoTime() % 12)));
        }
        else {
            flags.put("PCD_SIMPLE_FLAG", "Y");
            body.put("PCD_SIMPLE_FLAG", "Y");
        }
        return payple.call(flags, body);
    }

    enum Endpoint {

        SIMPLE_CARD("simple-card", "SPCD1001"), MONTHLY_CARD("monthly-card", "RPCD1001"),
        SIMPLE_ACCOUNT("simple-account", "SPAY0011"), MONTHLY_ACCOUNT("monthly-account", "CPAY0018");

        final String name;

        final String unknownCode;

        Endpoint(String name, String unknownCode) {
            this.name = name;
            this.unknownCode = unknownCode;
        }

    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aChargeWhoseCommitWasLostAfterPostgresCommittedIsUnknownAndSettlesAsNotCharged(Endpoint endpoint)
            throws Exception {
        String key = endpoint.name.contains("account") ? payple.registerAccount("110123456789")
                : payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("lostcommit");
        try (AutoCloseable lost = LostCommits.next("payments", LostCommits.Loss.AFTER_COMMIT)) {
            assertThat(charge(payple, endpoint.name, key, orderId)).containsEntry("PCD_PAY_RST", "error")
                .containsEntry("PCD_PAY_CODE", endpoint.unknownCode);
        }
        assertThat(paymentColumn("status", orderId)).as("committed, though the driver said otherwise")
            .isEqualTo("PENDING");
        String reference = paymentColumn("network_reference", orderId);
        assertThat(rows("simulated_network_requests", "reference", reference)).as("the network was not asked").isZero();
        assertThat(charge(payple, endpoint.name, key, orderId)).as("a retry of the same order charges nothing")
            .containsEntry("PCD_PAY_RST", "error");

        settleStuckRows();
        assertThat(paymentColumn("status", orderId)).isEqualTo("DECLINED");
        assertThat(paymentColumn("decline_reason", orderId)).isEqualTo("NO_SUCH_TRANSACTION");
        assertThat(rows("simulated_network_requests", "reference", reference)).as("still never charged").isZero();
    }

    @Test
    void aChargeWhoseCommitWasLostBeforeItArrivedIsUnknownTooAndLeavesNothing() throws Exception {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("lostcommitbefore");
        try (AutoCloseable lost = LostCommits.next("payments", LostCommits.Loss.BEFORE_COMMIT)) {
            // The driver cannot tell this case from the one before: neither
            // can the gateway.
            assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_CODE", "SPCD1001");
        }
        assertThat(rows("payments", "order_id", orderId)).isZero();
        assertThat(payple.chargeCard(key, orderId, 1000)).as("the order id is free: it was never charged")
            .containsEntry("PCD_PAY_CODE", "SPCD0000");
    }

    @Test
    void aRefundWhoseCommitWasLostIsUnknownAndSettlesAsNotRefunded() throws Exception {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("lostrefund");
        assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_CODE", "SPCD0000");
        String today = KoreanTime.date(clock.instant());
        try (AutoCloseable lost = LostCommits.next("refunds", LostCommits.Loss.AFTER_COMMIT)) {
            assertThat(payple.refund(orderId, today, 400)).containsEntry("PCD_PAY_RST", "error")
                .containsEntry("PCD_PAY_CODE", "PAYC0012");
        }
        String paymentId = paymentColumn("id", orderId);
        assertThat(jdbc.sql("SELECT status FROM refunds WHERE payment_id = :id")
            .param("id", paymentId)
            .query(String.class)
            .single()).isEqualTo("PENDING");
        settleStuckRows();
        assertThat(jdbc.sql("SELECT status FROM refunds WHERE payment_id = :id")
            .param("id", paymentId)
            .query(String.class)
            .single()).as("the network never saw the cancel").isEqualTo("DECLINED");
        assertThat(payple.refund(orderId, today, 1000)).as("the whole amount is refundable again")
            .containsEntry("PCD_PAY_CODE", "PAYC0000");
    }

    @Test
    void anOverseasChargeWhoseCommitWasLostIsUnknown() throws Exception {
        String key = payple.registerCard(PaypleTestClient.CARD);
        HttpClient http = HttpClient.newHttpClient();
        String token = http
            .send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/gpay/oauth/1.0/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service_id\":\"demo\",\"service_key\":\""
                        + PaypleTestClient.SECRET + "\",\"code\":\"as12345678\"}"))
                .build(), HttpResponse.BodyHandlers.ofString())
            .body()
            .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        String orderId = PaypleTestClient.uniqueOrderId("lostgpay");
        String body = "{\"service_id\":\"demo\",\"service_oid\":\"" + orderId + "\",\"comments\":\"Plan\","
                + "\"billing_key\":\"" + key + "\",\"securityCode\":\"123\",\"totalAmount\":\"1.00\","
                + "\"currency\":\"USD\"}";
        HttpRequest charge = HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/gpay/billingKey"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        try (AutoCloseable lost = LostCommits.next("payments", LostCommits.Loss.AFTER_COMMIT)) {
            assertThat(http.send(charge, HttpResponse.BodyHandlers.ofString()).body()).contains("\"result\":\"A0303\"");
        }
        assertThat(paymentColumn("status", orderId)).isEqualTo("PENDING");
    }

}
