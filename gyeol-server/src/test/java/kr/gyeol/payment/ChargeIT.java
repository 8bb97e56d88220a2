package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.shared.Settlement;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Billing-key REST payments (spec §1.6, §1.7) over real HTTP, with every error code they
 * answer.
 */
class ChargeIT extends GatewayTest {

    private static final Map<String, String> SIMPLE_CARD = Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y");

    private static final Map<String, String> MONTHLY_CARD = Map.of("PCD_PAY_TYPE", "card", "PCD_REGULER_FLAG", "Y");

    @Autowired
    Settlement reconciler;

    private Map<String, Object> charge(String key, Object total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", "card");
        body.put("PCD_PAYER_ID", key);
        body.put("PCD_PAY_GOODS", "정기구독");
        body.put("PCD_PAY_TOTAL", total);
        body.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("charge"));
        return body;
    }

    @Test
    void chargesCardWithAutomaticVat() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, Object> body = charge(key, 1000);
        body.put("PCD_PAYER_NO", 2324);
        body.put("PCD_USER_DEFINE1", "memo");
        Map<String, String> answer = payple.call(SIMPLE_CARD, body);
        assertThat(answer).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "SPCD0000")
            .containsEntry("PCD_PAY_MSG", "카드결제완료")
            .containsEntry("PCD_PAY_OID", (String) body.get("PCD_PAY_OID"))
            .containsEntry("PCD_PAY_TOTAL", "1000")
            .containsEntry("PCD_PAY_TAXTOTAL", "91")
            .containsEntry("PCD_PAY_ISTAX", "Y")
            .containsEntry("PCD_PAYER_NO", "2324")
            .containsEntry("PCD_PAYER_ID", key)
            .containsEntry("PCD_PAY_CARDNUM", "4242-****-****-4242")
            .containsEntry("PCD_SIMPLE_FLAG", "Y")
            .containsEntry("PCD_USER_DEFINE1", "memo");
        assertThat(answer.get("PCD_PAY_CARDTRADENUM")).hasSize(24).matches("[0-9]+");
        assertThat(answer.get("PCD_PAY_CARDAUTHNO")).matches("[0-9]{8}");
        assertThat(answer.get("PCD_PAY_TIME")).matches("[0-9]{14}");
        assertThat(answer.get("PCD_PAY_CARDRECEIPT")).startsWith(payple.baseUrl() + "/receipt/");
    }

    @Test
    void honoursGivenVatAndTaxFree() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, Object> mixed = charge(key, "5000");
        mixed.put("PCD_PAY_TAXTOTAL", "200");
        assertThat(payple.call(SIMPLE_CARD, mixed)).containsEntry("PCD_PAY_TAXTOTAL", "200");
        Map<String, Object> taxFree = charge(key, "5000");
        taxFree.put("PCD_PAY_ISTAX", "N");
        assertThat(payple.call(SIMPLE_CARD, taxFree)).containsEntry("PCD_PAY_TAXTOTAL", "0")
            .containsEntry("PCD_PAY_ISTAX", "N");
    }

    @Test
    void generatesOrderIdWhenAbsent() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, Object> body = charge(key, 1000);
        body.remove("PCD_PAY_OID");
        assertThat(payple.call(SIMPLE_CARD, body).get("PCD_PAY_OID")).startsWith("gyeol");
    }

    @Test
    void rejectsAmountBelowMinimumGoodsMissingAndKeyMissing() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        assertThat(payple.call(SIMPLE_CARD, charge(key, 99))).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "SPCD0002")
            .containsEntry("PCD_PAY_MSG", "결제가능 최저금액은 100원 입니다.");
        assertThat(payple.call(SIMPLE_CARD, charge(key, "abc"))).containsEntry("PCD_PAY_CODE", "SPCD0002");
        Map<String, Object> noGoods = charge(key, 1000);
        noGoods.put("PCD_PAY_GOODS", "");
        assertThat(payple.call(SIMPLE_CARD, noGoods)).containsEntry("PCD_PAY_CODE", "SPCD0003");
        Map<String, Object> noKey = charge(key, 1000);
        noKey.remove("PCD_PAYER_ID");
        assertThat(payple.call(SIMPLE_CARD, noKey)).containsEntry("PCD_PAY_CODE", "SPCD0001");
        assertThat(payple.call(SIMPLE_CARD, charge("NoSuchKeyNoSuchKeyNoSuchKey12345", 1000)))
            .containsEntry("PCD_PAY_CODE", "SPCD0011");
    }

    @Test
    void rejectsSecondChargeForSameOrderId() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("dup");
        assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_RST", "success");
        assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "SPCD0014")
            .containsEntry("PCD_PAY_OID", orderId);
    }

    @Test
    void passesOnScenarioDeclines() {
        Map<String, String> expected = Map.of("4000000000000002", "[Test] [SPCD0018] 3143 - 카드사 문의 바랍니다.",
                "4000000000009995", "[Test] [SPCD0018] 3133 - 잔액이 부족합니다.", "4000000000000069",
                "[Test] [SPCD0018] 3100 - 유효기간이 만료되었습니다.");
        expected.forEach((card, message) -> {
            String key = payple.registerCard(card);
            assertThat(payple.chargeCard(key, null, 1000)).containsEntry("PCD_PAY_RST", "error")
                .containsEntry("PCD_PAY_CODE", "SPCD0018")
                .containsEntry("PCD_PAY_MSG", message);
        });
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOutcomeThatStaysUnknownIsAskedAboutLessOftenThenLeftForAnOperator() {
        String key = payple.registerCard("4000000000000259");
        String orderId = PaypleTestClient.uniqueOrderId("neveranswers");
        assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_CODE", "SPCD1001");
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 20; attempt++) {
            Instant due = settlement(orderId).due();
            clock.advance(Duration.between(clock.instant(), due).plusSeconds(1));
            Instant askedAt = clock.instant();
            reconciler.settleDue();
            assertThat(settlement(orderId).attempts()).as("tries").isEqualTo(attempt);
            Instant next = settlement(orderId).due();
            if (attempt < 20) {
                // The test clock moves with real time too: whole seconds are what counts.
                waits.add(Duration.ofSeconds(Duration.between(askedAt, next).toSeconds()));
            }
            else {
                assertThat(next).as("after the last try the payment waits for an operator").isNull();
            }
        }
        assertThat(waits.subList(0, 5)).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8));
        assertThat(waits.subList(7, 19)).allMatch(Duration.ofHours(1)::equals);
        assertThat(settlement(orderId).status()).as("never guessed").isEqualTo("UNKNOWN");
        clock.advance(Duration.ofDays(2));
        reconciler.settleDue();
        assertThat(settlement(orderId).attempts()).isEqualTo(20);
    }

    /** What the settlement loop keeps of a payment. */
    private record Settling(String status, int attempts, Instant due) {
    }

    private Settling settlement(String orderId) {
        return jdbc.sql("SELECT status, settle_attempts, reconcile_after FROM payments WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query((row, n) -> new Settling(row.getString("status"), row.getInt("settle_attempts"),
                    row.getTimestamp("reconcile_after") == null ? null
                            : row.getTimestamp("reconcile_after").toInstant()))
            .single();
    }

    @Test
    void timeoutLeavesPaymentUnknownUntilTheReconcilerSettlesIt() {
        String key = payple.registerCard("4000000000000119");
        String orderId = PaypleTestClient.uniqueOrderId("timeout");
        assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "SPCD1001");
        String today = KoreanTime.date(clock.instant());
        Map<String, String> lookupBody = Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE", today, "PCD_PAY_TYPE", "card");
        assertThat(payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"), lookupBody)).containsEntry("PCD_PAY_CODE", "SPCD1001");
        // Not due yet: nothing is settled before the delay.
        reconciler.settleDue();
        assertThat(payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"), lookupBody)).containsEntry("PCD_PAY_RST", "error");
        clock.advance(Duration.ofSeconds(31));
        assertThat(reconciler.settleDue()).isGreaterThanOrEqualTo(1);
        assertThat(payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"), lookupBody)).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "PCHK000");
        // The same order id is still never charged twice.
        assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_CODE", "SPCD0014");
    }

    @Test
    void monthlyChargeOncePerMonth() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, Object> first = charge(key, 1000);
        first.put("PCD_REGULER_FLAG", "Y");
        first.put("PCD_PAY_YEAR", 2031);
        first.put("PCD_PAY_MONTH", 3);
        assertThat(payple.call(MONTHLY_CARD, first)).containsEntry("PCD_PAY_CODE", "RPCD0000")
            .containsEntry("PCD_REGULER_FLAG", "Y")
            .containsEntry("PCD_PAY_YEAR", "2031")
            .containsEntry("PCD_PAY_MONTH", "03");
        Map<String, Object> again = new LinkedHashMap<>(first);
        again.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("month"));
        assertThat(payple.call(MONTHLY_CARD, again)).containsEntry("PCD_PAY_CODE", "RPCD0015");
        again.put("PCD_PAY_MONTH", "04");
        assertThat(payple.call(MONTHLY_CARD, again)).containsEntry("PCD_PAY_CODE", "RPCD0000");
        // A plain billing-key charge is not limited by the month.
        assertThat(payple.chargeCard(key, null, 1000)).containsEntry("PCD_PAY_CODE", "SPCD0000");
    }

    @Test
    void simplePayWithTheMonthlyFlagIsDeduplicatedByMonth() {
        // Pages that authenticated with PCD_SIMPLE_FLAG send the month to
        // SimplePayCardAct.
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, Object> first = charge(key, 1000);
        first.put("PCD_REGULER_FLAG", "Y");
        first.put("PCD_PAY_YEAR", "2032");
        first.put("PCD_PAY_MONTH", "7");
        assertThat(payple.call(SIMPLE_CARD, first)).containsEntry("PCD_PAY_CODE", "SPCD0000")
            .containsEntry("PCD_REGULER_FLAG", "Y")
            .containsEntry("PCD_PAY_YEAR", "2032")
            .containsEntry("PCD_PAY_MONTH", "07");
        Map<String, Object> again = new LinkedHashMap<>(first);
        again.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("month"));
        assertThat(payple.call(SIMPLE_CARD, again)).containsEntry("PCD_PAY_CODE", "RPCD0015");
        again.put("PCD_PAY_MONTH", "13");
        assertThat(payple.call(SIMPLE_CARD, again)).containsEntry("PCD_PAY_CODE", "RPCD0005");
        again.remove("PCD_REGULER_FLAG");
        assertThat(payple.call(SIMPLE_CARD, again)).as("without the flag the month is not asked for")
            .containsEntry("PCD_PAY_CODE", "SPCD0000");
    }

    @Test
    void monthlyChargeValidatesYearAndMonth() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, Object> body = charge(key, 1000);
        body.put("PCD_PAY_YEAR", "20");
        body.put("PCD_PAY_MONTH", "03");
        assertThat(payple.call(MONTHLY_CARD, body)).containsEntry("PCD_PAY_CODE", "RPCD0004");
        body.put("PCD_PAY_YEAR", "2030");
        body.put("PCD_PAY_MONTH", "13");
        assertThat(payple.call(MONTHLY_CARD, body)).containsEntry("PCD_PAY_CODE", "RPCD0005");
    }

    @Test
    void authKeyIsSingleUseAndBoundToItsOperation() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, String> session = payple.auth(SIMPLE_CARD);
        Map<String, Object> body = PaypleTestClient.withEnvelope(session, charge(key, 1000));
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "SPCD0000");
        body.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("reuse"));
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "SPCD0004")
            .containsEntry("PCD_PAY_MSG", "인증세션이 만료되었습니다. 다시 시도해주세요.");

        Map<String, String> lookupSession = payple.auth(Map.of("PCD_PAYCHK_FLAG", "Y"));
        Map<String, Object> wrongOperation = PaypleTestClient.withEnvelope(lookupSession, charge(key, 1000));
        assertThat(payple.post(payple.baseUrl() + "/php/SimplePayCardAct.php?ACT_=PAYM", wrongOperation))
            .containsEntry("PCD_PAY_CODE", "SPCD9998");
    }

    @Test
    void authKeyExpiresAfterThirtyMinutes() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, String> session = payple.auth(SIMPLE_CARD);
        clock.advance(Duration.ofMinutes(31));
        assertThat(payple.post(session.get("return_url"), PaypleTestClient.withEnvelope(session, charge(key, 1000))))
            .containsEntry("PCD_PAY_CODE", "SPCD0004");
    }

    @Test
    void acceptsRawCredentialsAndRefusesWrongOnes() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, String> session = payple.auth(SIMPLE_CARD);
        Map<String, Object> raw = PaypleTestClient.withEnvelope(session, charge(key, 1000));
        raw.put("PCD_CST_ID", "test");
        raw.put("PCD_CUST_KEY", "abcd1234567890");
        assertThat(payple.post(session.get("return_url"), raw)).containsEntry("PCD_PAY_CODE", "SPCD0000");

        Map<String, String> other = payple.auth(SIMPLE_CARD);
        Map<String, Object> wrong = PaypleTestClient.withEnvelope(other, charge(key, 1000));
        wrong.put("PCD_CUST_KEY", "not-the-key");
        assertThat(payple.post(other.get("return_url"), wrong)).containsEntry("PCD_PAY_CODE", "SPCD9991");
        // The refused call did not use up the key.
        wrong.put("PCD_CUST_KEY", other.get("custKey"));
        assertThat(payple.post(other.get("return_url"), wrong)).containsEntry("PCD_PAY_CODE", "SPCD0000");
    }

    @Test
    void malformedRequestsAreAnsweredInPaypleShape() {
        String url = payple.baseUrl() + "/php/SimplePayCardAct.php?ACT_=PAYM";
        // A field that cannot be read answers that field's code (issue 25); a body that
        // cannot be read at all, the generic one.
        assertThat(payple.send(url, "application/json", "{\"PCD_PAY_TOTAL\": [1,2]}", null))
            .containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "SPCD0002");
        assertThat(payple.send(url, "application/json", "{broken", null)).containsEntry("PCD_PAY_CODE", "SPCD9999");
        assertThat(payple.send(url, "application/json", "{\"PCD_PAY_GOODS\":\"" + "x".repeat(5000) + "\"}", null))
            .containsEntry("PCD_PAY_CODE", "SPCD0003");
        assertThat(payple.send(url, "application/json", "x".repeat(70_000), null)).containsEntry("PCD_PAY_CODE",
                "SPCD9999");
    }

    @Test
    void wrongPayTypeForTheUrlIsAWrongAccess() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, Object> body = charge(key, 1000);
        body.put("PCD_PAY_TYPE", "transfer");
        assertThat(payple.call(SIMPLE_CARD, body)).containsEntry("PCD_PAY_CODE", "SPCD9998");
    }

}
