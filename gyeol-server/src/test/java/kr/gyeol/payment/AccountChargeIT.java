package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;

/**
 * Account billing-key payments, SimplePayAct and RePayAct (spec §1.7), with their codes.
 */
class AccountChargeIT extends GatewayTest {

    private static final Map<String, String> SIMPLE = Map.of("PCD_SIMPLE_FLAG", "Y");

    private static final Map<String, String> MONTHLY = Map.of("PCD_PAY_TYPE", "transfer", "PCD_REGULER_FLAG", "Y");

    private String registerAccount(String number) {
        return payple.registerAccount(number);
    }

    private static Map<String, Object> body(String key, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", "transfer");
        body.put("PCD_PAYER_ID", key);
        body.put("PCD_PAY_GOODS", "월회비");
        body.put("PCD_PAY_TOTAL", amount);
        body.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("acct"));
        body.put("PCD_TAXSAVE_FLAG", "N");
        return body;
    }

    @Test
    void withdrawsFromAccount() {
        String key = registerAccount("46012345678121");
        assertThat(payple.call(SIMPLE, body(key, 15000))).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "SPAY0000")
            .containsEntry("PCD_PAY_MSG", "출금이체완료")
            .containsEntry("PCD_PAY_BANK", "011")
            .containsEntry("PCD_PAY_BANKNAME", "농협")
            .containsEntry("PCD_PAY_BANKNUM", "460-********-121")
            .containsEntry("PCD_PAY_TAXTOTAL", "1364")
            .containsEntry("PCD_TAXSAVE_FLAG", "N");
    }

    @Test
    void refusesAccountChargesBelowMinimumAndCardKeys() {
        String key = registerAccount("46012345678121");
        assertThat(payple.call(SIMPLE, body(key, 999))).containsEntry("PCD_PAY_CODE", "SPAY0013");
        String card = payple.registerCard(PaypleTestClient.CARD);
        assertThat(payple.call(SIMPLE, body(card, 5000))).containsEntry("PCD_PAY_CODE", "SPAY0005");
    }

    @Test
    void passesOnBankDeclinesAndTimeouts() {
        assertThat(payple.call(SIMPLE, body(registerAccount("1000000009995"), 5000)))
            .containsEntry("PCD_PAY_CODE", "SPAY0012")
            .containsEntry("PCD_PAY_MSG", "[Test] [SPAY0012] 3133 - 잔액이 부족합니다.");
        assertThat(payple.call(SIMPLE, body(registerAccount("1000000000119"), 5000))).containsEntry("PCD_PAY_CODE",
                "SPAY0011");
        String maintenance = registerAccount("1000000009998");
        assertThat(payple.call(SIMPLE, body(maintenance, 5000))).containsEntry("PCD_PAY_CODE", "SPAY9998")
            .containsEntry("PCD_PAY_MSG", "은행 점검시간입니다.");
        Map<String, Object> monthly = body(maintenance, 5000);
        monthly.put("PCD_PAY_YEAR", "2033");
        monthly.put("PCD_PAY_MONTH", "05");
        assertThat(payple.call(MONTHLY, monthly)).containsEntry("PCD_PAY_CODE", "CPAY9998");
        assertThat(payple.call(MONTHLY, body(registerAccount("1000000000119"), 5000))).containsEntry("PCD_PAY_CODE",
                "SPAY9999");
    }

    @Test
    void monthlyAccountChargeOncePerMonth() {
        String key = registerAccount("46012345678121");
        Map<String, Object> first = body(key, 5000);
        first.put("PCD_PAY_YEAR", "2032");
        first.put("PCD_PAY_MONTH", "01");
        assertThat(payple.call(MONTHLY, first)).containsEntry("PCD_PAY_CODE", "CPAY0000");
        Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("acct"));
        assertThat(payple.call(MONTHLY, second)).containsEntry("PCD_PAY_CODE", "CPAY0202")
            .containsEntry("PCD_PAY_MSG", "이미 존재하는 거래입니다. 다시 시도해주세요.");
    }

}
