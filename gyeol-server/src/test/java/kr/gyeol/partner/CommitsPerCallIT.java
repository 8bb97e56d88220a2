package kr.gyeol.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.CommitCounter;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14: the calls of the charge path write no more than they must. auth.php writes
 * nothing (its AuthKey carries its own proof); a billing-key charge commits twice (its
 * PENDING payment with the key's use, then the outcome with its webhook event); a refund
 * twice; a card registration once. Counted per request by {@link CommitCounter}, and the
 * rules the writes used to carry still hold: a key is used once, by a refused call too.
 */
class CommitsPerCallIT extends GatewayTest {

    private static final Map<String, String> CHARGE_FLAGS = Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    kr.gyeol.shared.ExpiredRowsJanitor janitor;

    private static String requestId() {
        return "commits-" + UUID.randomUUID();
    }

    private Map<String, String> authenticate(Map<String, String> flags) {
        String auth = requestId();
        Map<String, String> session = payple.auth(flags, auth);
        assertThat(session).containsEntry("result", "success");
        assertThat(CommitCounter.commitsOf(auth)).as("commits of auth.php").isZero();
        return session;
    }

    private static Map<String, Object> charge(String billingKey, String orderId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", "card");
        body.put("PCD_PAYER_ID", billingKey);
        body.put("PCD_PAY_GOODS", "정기구독");
        body.put("PCD_PAY_TOTAL", "1000");
        body.put("PCD_PAY_OID", orderId);
        return body;
    }

    private long spentKeysExpiringFrom(java.time.Instant from) {
        return this.jdbc.sql("SELECT count(*) FROM auth_key_uses WHERE expires_at >= :from")
            .param("from", from.atOffset(java.time.ZoneOffset.UTC))
            .query(Long.class)
            .single();
    }

    /**
     * Moves the clock a minute on and returns an instant before the expiry of any key
     * issued from now on and after the expiry of every key issued before (expiries are
     * whole seconds), so the next key's row can be told from all earlier ones.
     */
    private java.time.Instant laterThanEveryKeyBefore() {
        java.time.Instant before = this.clock.instant();
        this.clock.advance(java.time.Duration.ofMinutes(1));
        return before.plus(java.time.Duration.ofMinutes(30)).plusSeconds(30);
    }

    @Test
    void authPhpWritesNothingAndAChargeCommitsTwice() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        java.time.Instant expiry = laterThanEveryKeyBefore();
        Map<String, String> session = authenticate(CHARGE_FLAGS);
        assertThat(spentKeysExpiringFrom(expiry)).isZero();

        String charge = requestId();
        Map<String, String> answer = payple.post(session.get("return_url"),
                PaypleTestClient.withEnvelope(session, charge(key, PaypleTestClient.uniqueOrderId("two"))), charge);

        assertThat(answer).containsEntry("PCD_PAY_RST", "success").containsEntry("PCD_PAY_CODE", "SPCD0000");
        assertThat(CommitCounter.commitsOf(charge)).as("commits of a charge").isEqualTo(2);
        assertThat(spentKeysExpiringFrom(expiry)).isOne();
    }

    @Test
    void theKeyOfAChargeIsUsedOnceAndThenAnsweredAsExpired() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, String> session = authenticate(CHARGE_FLAGS);
        Map<String, Object> body = PaypleTestClient.withEnvelope(session,
                charge(key, PaypleTestClient.uniqueOrderId("once")));
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "SPCD0000");

        body.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("again"));
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "SPCD0004");
    }

    @Test
    void aRefusedChargeUsesItsKeyInOneCommitAndChargesNothing() {
        Map<String, String> session = authenticate(CHARGE_FLAGS);
        Map<String, Object> body = PaypleTestClient.withEnvelope(session,
                charge("no-such-key", PaypleTestClient.uniqueOrderId("refused")));

        String refused = requestId();
        assertThat(payple.post(session.get("return_url"), body, refused)).containsEntry("PCD_PAY_CODE", "SPCD0011");
        assertThat(CommitCounter.commitsOf(refused)).isEqualTo(1);
        // As before AuthKeys carried their own proof: the refused call used the key.
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "SPCD0004");
    }

    @Test
    void aDuplicateOrderIdRollsTheChargeBackButStillUsesTheKey() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("dup");
        assertThat(payple.chargeCard(key, orderId, 1000)).containsEntry("PCD_PAY_CODE", "SPCD0000");

        Map<String, String> session = authenticate(CHARGE_FLAGS);
        Map<String, Object> body = PaypleTestClient.withEnvelope(session, charge(key, orderId));
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "SPCD0014");
        body.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("fresh"));
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "SPCD0004");
    }

    @Test
    void aSpentKeysRowGoesFiveMinutesAfterTheKeyExpiredAndTheKeyStaysRefused() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        java.time.Instant expiry = laterThanEveryKeyBefore();
        Map<String, String> session = authenticate(CHARGE_FLAGS);
        Map<String, Object> body = PaypleTestClient.withEnvelope(session,
                charge(key, PaypleTestClient.uniqueOrderId("sweep")));
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "SPCD0000");
        assertThat(spentKeysExpiringFrom(expiry)).isOne();

        this.clock.advance(java.time.Duration.ofMinutes(34));
        this.janitor.deleteExpired();
        assertThat(spentKeysExpiringFrom(expiry)).as("kept for the clock skew between nodes").isOne();

        this.clock.advance(java.time.Duration.ofMinutes(2));
        this.janitor.deleteExpired();
        assertThat(spentKeysExpiringFrom(expiry)).isZero();
        body.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("sweep"));
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "SPCD0004");
    }

    @Test
    void aKeyIssuedBeforeKeysCarriedTheirProofIsStillReadAndUsedOnce() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String authKey = "legacy-" + UUID.randomUUID();
        java.time.OffsetDateTime now = this.clock.instant().atOffset(java.time.ZoneOffset.UTC);
        this.jdbc.sql("""
                INSERT INTO auth_sessions (key_hash, partner_id, operation, partner_token, secret_token, single_use,
                                           issued_at, expires_at)
                VALUES (sha256(convert_to(:authKey, 'UTF8')), 'test', 'SIMPLE_PAY_CARD', 'legacy-cst', 'legacy-key',
                        true, :now, :expires)
                """).param("authKey", authKey).param("now", now).param("expires", now.plusMinutes(30)).update();
        Map<String, Object> body = PaypleTestClient.withEnvelope(
                Map.of("cst_id", "legacy-cst", "custKey", "legacy-key", "AuthKey", authKey),
                charge(key, PaypleTestClient.uniqueOrderId("legacy")));
        String url = payple.baseUrl() + "/php/SimplePayCardAct.php?ACT_=PAYM";

        assertThat(payple.post(url, body)).containsEntry("PCD_PAY_CODE", "SPCD0000");
        body.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("legacy"));
        assertThat(payple.post(url, body)).containsEntry("PCD_PAY_CODE", "SPCD0004");
    }

    @Test
    void aRefundCommitsTwiceAndARegistrationOnce() {
        Map<String, String> session = authenticate(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_WORK", "AUTHREG"));
        String registration = requestId();
        Map<String, String> registered = payple.post(session.get("return_url"),
                PaypleTestClient.withEnvelope(session, PaypleTestClient.card(PaypleTestClient.CARD)), registration);
        assertThat(registered).containsEntry("PCD_PAY_RST", "success");
        assertThat(CommitCounter.commitsOf(registration)).as("commits of a registration").isEqualTo(1);

        String orderId = PaypleTestClient.uniqueOrderId("refund");
        assertThat(payple.chargeCard(registered.get("PCD_PAYER_ID"), orderId, 1000)).containsEntry("PCD_PAY_CODE",
                "SPCD0000");
        Map<String, String> cancel = authenticate(Map.of("PCD_PAYCANCEL_FLAG", "Y"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_REFUND_KEY", PaypleTestClient.REFUND_KEY);
        body.put("PCD_PAYCANCEL_FLAG", "Y");
        body.put("PCD_PAY_OID", orderId);
        body.put("PCD_PAY_DATE", KoreanTime.date(this.clock.instant()));
        body.put("PCD_REFUND_TOTAL", "400");
        String refund = requestId();
        Map<String, String> refunded = payple.post(cancel.get("return_url"),
                PaypleTestClient.withEnvelope(cancel, body), refund);
        assertThat(refunded).containsEntry("PCD_PAY_CODE", "PAYC0000");
        assertThat(CommitCounter.commitsOf(refund)).as("commits of a refund").isEqualTo(2);
        assertThat(payple.post(cancel.get("return_url"), PaypleTestClient.withEnvelope(cancel, body)))
            .containsEntry("PCD_PAY_CODE", "CBIL0002");
    }

}
