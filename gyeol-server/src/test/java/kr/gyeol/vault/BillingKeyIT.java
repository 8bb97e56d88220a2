package kr.gyeol.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * REST registration (AUTHREG), PUSERINFO and PUSERDEL over real HTTP, with their error
 * codes.
 */
class BillingKeyIT extends GatewayTest {

    private static final Map<String, String> REGISTER = Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_WORK", "AUTHREG");

    private static final Map<String, String> ACCOUNT = Map.of("PCD_PAY_TYPE", "transfer", "PCD_PAY_WORK", "AUTHREG");

    @Test
    void registersCardAndMasksIt() {
        Map<String, String> answer = payple.call(REGISTER, PaypleTestClient.card("9410-1234-5678-9010"));
        assertThat(answer).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "CDAU0000")
            .containsEntry("PCD_PAY_MSG", "인증(등록)완료")
            .containsEntry("PCD_PAY_WORK", "AUTHREG")
            .containsEntry("PCD_PAY_CARDNAME", "BC카드")
            .containsEntry("PCD_PAY_CARDNUM", "9410-****-****-9010")
            .containsEntry("PCD_PAYER_HP", "010-****-5678")
            .containsEntry("PCD_PAYER_NAME", "홍길동");
        assertThat(answer.get("PCD_PAYER_ID")).hasSize(32);
    }

    @ParameterizedTest(name = "{0}={1} gives {2}")
    @CsvSource({ "PCD_PAY_TYPE, point, CDAUCK01", "PCD_PAY_WORK, AUTH, CDAUCK02", "PCD_PAYER_BIRTH, 901301, CDAUCK03",
            "PCD_PAY_CARDNUM, 4242424242424241, CDAUCK04", "PCD_PAY_CARDNUM, 12ab, CDAUCK04",
            "PCD_PAY_CARDEXMONTH, 13, CDAUCK05", "PCD_PAY_CARDEXYEAR, 19, CDAUCK05", "PCD_PAY_CARDPW, 1, CDAUCK06", })
    void refusesInvalidCardFields(String field, String value, String code) {
        Map<String, Object> body = PaypleTestClient.card(PaypleTestClient.CARD);
        body.put(field, value);
        assertThat(payple.call(REGISTER, body)).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", code);
    }

    @Test
    void registrationKeyIsSingleUseAndOperationBound() {
        Map<String, String> session = payple.auth(REGISTER);
        Map<String, Object> body = PaypleTestClient.withEnvelope(session, PaypleTestClient.card(PaypleTestClient.CARD));
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "CDAU0000");
        assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_CODE", "CDAU0001");
        Map<String, String> lookup = payple.auth(Map.of("PCD_PAY_WORK", "PUSERINFO"));
        assertThat(payple.post(session.get("return_url"),
                PaypleTestClient.withEnvelope(lookup, PaypleTestClient.card(PaypleTestClient.CARD))))
            .containsEntry("PCD_PAY_CODE", "CDAU9998");
    }

    @Test
    void looksUpAndRevokesCard() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        Map<String, String> session = payple.auth(Map.of("PCD_PAY_WORK", "PUSERINFO"));
        Map<String, Object> body = PaypleTestClient.withEnvelope(session,
                Map.of("PCD_PAYER_ID", key, "PCD_PAYER_NO", "1234"));
        for (int i = 0; i < 3; i++) {
            // A lookup key may be reused within its lifetime.
            assertThat(payple.post(session.get("return_url"), body)).containsEntry("PCD_PAY_RST", "success")
                .containsEntry("PCD_PAY_CODE", "0000")
                .containsEntry("PCD_PAY_MSG", "회원조회 성공")
                .containsEntry("PCD_PAY_TYPE", "card")
                .containsEntry("PCD_PAY_CARDNUM", "4242-****-****-4242")
                .containsEntry("PCD_PAY_BANKACCTYPE", "개인")
                .containsEntry("PCD_PAYER_HP", "010-****-5678");
        }
        assertThat(
                payple.call(Map.of("PCD_PAY_WORK", "PUSERINFO"), Map.of("PCD_PAYER_ID", key, "PCD_PAYER_NO", "9999")))
            .containsEntry("PCD_PAY_CODE", "PUSER0001");

        assertThat(payple.call(Map.of("PCD_PAY_WORK", "PUSERDEL"), Map.of("PCD_PAYER_ID", key)))
            .containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "PUSER0000")
            .containsEntry("PCD_PAY_WORK", "PUSERDEL")
            .containsEntry("PCD_PAYER_ID", key);
        assertThat(payple.call(Map.of("PCD_PAY_WORK", "PUSERDEL"), Map.of("PCD_PAYER_ID", key)))
            .containsEntry("PCD_PAY_CODE", "PUSER0002");
        assertThat(payple.call(Map.of("PCD_PAY_WORK", "PUSERINFO"), Map.of("PCD_PAYER_ID", key)))
            .containsEntry("PCD_PAY_CODE", "PUSER0002");
        // A revoked key is never charged again.
        assertThat(payple.chargeCard(key, null, 1000)).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "SPCD0012");
    }

    @Test
    void unknownKeyIsNotFound() {
        assertThat(payple.call(Map.of("PCD_PAY_WORK", "PUSERINFO"), Map.of("PCD_PAYER_ID", "nope")))
            .containsEntry("PCD_PAY_CODE", "PUSER0001");
        assertThat(payple.call(Map.of("PCD_PAY_WORK", "PUSERINFO"), Map.of())).containsEntry("PCD_PAY_CODE",
                "PUSER0001");
    }

    @Test
    void registersAccountInTwoStepsWithArs() {
        Map<String, String> step1 = payple.call(ACCOUNT, PaypleTestClient.account("46012345678121"));
        assertThat(step1).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "ARSA0000")
            .containsEntry("PCD_PAY_BANKNAME", "농협")
            .containsEntry("PCD_PAY_BANKNUM", "460-********-121");
        assertThat(step1.get("PCD_AUTH_REQNUM")).matches("[0-9]{4}");
        assertThat(step1.get("return_url")).endsWith("/php/cPayUser/api/cPayUserAct.php?ACT_=AUTHREGCONF");

        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("PCD_CST_ID", step1.get("PCD_CST_ID"));
        wrong.put("PCD_CUST_KEY", step1.get("PCD_CUST_KEY"));
        wrong.put("PCD_AUTH_KEY", step1.get("PCD_AUTH_KEY"));
        wrong.put("PCD_AUTH_NUM", step1.get("PCD_AUTH_NUM"));
        wrong.put("PCD_AUTH_REQNUM", "0000".equals(step1.get("PCD_AUTH_REQNUM")) ? "1111" : "0000");
        assertThat(payple.post(step1.get("return_url"), wrong)).containsEntry("PCD_PAY_CODE", "ARSA0011");
        // The confirmation key was single-use.
        wrong.put("PCD_AUTH_REQNUM", step1.get("PCD_AUTH_REQNUM"));
        assertThat(payple.post(step1.get("return_url"), wrong)).containsEntry("PCD_PAY_CODE", "ARSA0001");

        String key = payple.registerAccount("46012345678121");
        assertThat(payple.call(Map.of("PCD_PAY_WORK", "PUSERINFO"), Map.of("PCD_PAYER_ID", key)))
            .containsEntry("PCD_PAY_TYPE", "transfer")
            .containsEntry("PCD_PAY_MSG", "계좌조회 성공")
            .containsEntry("PCD_PAY_BANK", "011")
            .containsEntry("PCD_PAY_BANKNUM", "460-********-121");
    }

    @Test
    void refusesInvalidAccountsAndBankMaintenance() {
        Map<String, Object> badBank = PaypleTestClient.account("46012345678121");
        badBank.put("PCD_PAY_BANK", "999");
        assertThat(payple.call(ACCOUNT, badBank)).containsEntry("PCD_PAY_CODE", "ARSA0006");
        Map<String, Object> badBirth = PaypleTestClient.account("46012345678121");
        badBirth.put("PCD_PAYER_BIRTH", "85");
        assertThat(payple.call(ACCOUNT, badBirth)).containsEntry("PCD_PAY_CODE", "ARSA0006");
        assertThat(payple.call(ACCOUNT, PaypleTestClient.account("1000000009997")))
            .containsEntry("PCD_PAY_CODE", "ARSA9998")
            .containsEntry("PCD_PAY_MSG", "은행 점검시간입니다.");
    }

    @Autowired
    kr.gyeol.shared.ExpiredRowsJanitor janitor;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAbandonedAccountRegistrationIsDeletedADayAfterItExpired() {
        Map<String, String> step1 = payple.call(Map.of("PCD_PAY_TYPE", "transfer", "PCD_PAY_WORK", "AUTHREG"),
                PaypleTestClient.account("46012345678121"));
        assertThat(step1).containsEntry("PCD_PAY_RST", "success");
        String registration = this.jdbc.sql("SELECT id FROM account_registrations ORDER BY created_at DESC LIMIT 1")
            .query(String.class)
            .single();
        this.clock.advance(java.time.Duration.ofMinutes(11));
        this.janitor.deleteExpired();
        assertThat(registrations(registration)).isOne();
        this.clock.advance(java.time.Duration.ofDays(1));
        assertThat(this.janitor.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(registrations(registration)).isZero();
    }

    private long registrations(String id) {
        return this.jdbc.sql("SELECT count(*) FROM account_registrations WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    }

}
