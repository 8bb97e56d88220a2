package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Each charge endpoint refuses in its own code family: a used key, another operation's
 * key, a wrong secret, a missing, unknown, revoked or wrong-type billing key, a missing
 * product name.
 */
class RefusalCodesIT extends GatewayTest {

    private Map<String, Object> body(String payType, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", payType);
        body.put("PCD_PAYER_ID", key);
        body.put("PCD_PAY_GOODS", "상품");
        body.put("PCD_PAY_TOTAL", "5000");
        body.put("PCD_PAY_YEAR", "2034");
        body.put("PCD_PAY_MONTH", "07");
        body.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("refusal"));
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // flag, pay type, expired, wrong operation, wrong secret, key missing, key
            // unknown, key revoked, goods
            "PCD_SIMPLE_FLAG, card, SPCD0004, SPCD9998, SPCD9991, SPCD0001, SPCD0011, SPCD0012, SPCD0003",
            "PCD_REGULER_FLAG, card, RPCD0006, RPCD9998, RPCD9991, RPCD0001, RPCD0012, RPCD0013, RPCD0003",
            "PCD_SIMPLE_FLAG, transfer, SPAY0001, SPAY0019, SPAY0001, SPAY0005, SPAY0005, SPAY0005, SPAY0014",
            "PCD_REGULER_FLAG, transfer, SPAY0001, SPAY0019, SPAY0001, CPAY0004, CPAY0004, CPAY0004, SPAY0014", })
    void refusesInTheEndpointsOwnCodes(String flag, String payType, String expired, String wrongOperation,
            String wrongSecret, String keyMissing, String keyUnknown, String keyRevoked, String goodsMissing) {
        Map<String, String> flags = Map.of("PCD_PAY_TYPE", payType, flag, "Y");
        boolean card = payType.equals("card");
        String key = card ? payple.registerCard(PaypleTestClient.CARD) : payple.registerAccount("46012345678121");

        Map<String, String> session = payple.auth(flags);
        Map<String, Object> wrong = PaypleTestClient.withEnvelope(session, body(payType, key));
        wrong.put("PCD_CUST_KEY", "wrong-secret");
        assertThat(payple.post(session.get("return_url"), wrong)).containsEntry("PCD_PAY_CODE", wrongSecret);
        wrong.put("PCD_CST_ID", "someone-else");
        wrong.put("PCD_CUST_KEY", session.get("custKey"));
        assertThat(payple.post(session.get("return_url"), wrong)).containsEntry("PCD_PAY_CODE", "AUTH0001");

        Map<String, String> lookup = payple.auth(Map.of("PCD_PAYCHK_FLAG", "Y"));
        assertThat(payple.post(session.get("return_url"), PaypleTestClient.withEnvelope(lookup, body(payType, key))))
            .containsEntry("PCD_PAY_CODE", wrongOperation);

        Map<String, Object> noKey = body(payType, key);
        noKey.remove("PCD_PAYER_ID");
        assertThat(payple.call(flags, noKey)).containsEntry("PCD_PAY_CODE", keyMissing);
        assertThat(payple.call(flags, body(payType, "UnknownKeyUnknownKeyUnknownKey12"))).containsEntry("PCD_PAY_CODE",
                keyUnknown);
        Map<String, Object> noGoods = body(payType, key);
        noGoods.remove("PCD_PAY_GOODS");
        assertThat(payple.call(flags, noGoods)).containsEntry("PCD_PAY_CODE", goodsMissing);

        Map<String, Object> used = PaypleTestClient.withEnvelope(session, body(payType, key));
        assertThat(payple.post(session.get("return_url"), used).get("PCD_PAY_RST")).isEqualTo("success");
        used.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("again"));
        assertThat(payple.post(session.get("return_url"), used)).containsEntry("PCD_PAY_CODE", expired);

        String otherType = card ? payple.registerAccount("46012345678121") : payple.registerCard(PaypleTestClient.CARD);
        Map<String, Object> wrongType = body(payType, otherType);
        assertThat(payple.call(flags, wrongType)).containsEntry("PCD_PAY_CODE", keyRevoked)
            .containsEntry("PCD_PAY_MSG", card ? "PCD_PAYER_ID는 카드가 아닌 결제수단입니다. PCD_PAY_TYPE을 확인해 주세요."
                    : "PCD_PAYER_ID는 계좌가 아닌 결제수단입니다. PCD_PAY_TYPE을 확인해 주세요.");
        payple.call(Map.of("PCD_PAY_WORK", "PUSERDEL"), Map.of("PCD_PAYER_ID", key));
        // A revoked key says so, under the endpoint's code (issue 27).
        assertThat(payple.call(flags, body(payType, key))).containsEntry("PCD_PAY_CODE", keyRevoked)
            .containsEntry("PCD_PAY_MSG", "해지된 결제수단입니다. PCD_PAYER_ID를 다시 등록한 뒤 결제해 주세요.");
    }

    @Test
    void anotherPartnersBillingKeyIsUnknown() {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String url = payple.baseUrl() + "/php/auth.php";
        Map<String, String> session = payple.send(url, "application/json",
                "{\"cst_id\":\"strict\",\"custKey\":\"strict-secret-0123456789\",\"PCD_PAY_TYPE\":\"card\",\"PCD_SIMPLE_FLAG\":\"Y\"}",
                "https://shop.example.com/");
        String body = "{\"PCD_CST_ID\":\"" + session.get("cst_id") + "\",\"PCD_CUST_KEY\":\"" + session.get("custKey")
                + "\",\"PCD_AUTH_KEY\":\"" + session.get("AuthKey") + "\",\"PCD_PAYER_ID\":\"" + key
                + "\",\"PCD_PAY_GOODS\":\"x\",\"PCD_PAY_TOTAL\":\"1000\"}";
        assertThat(payple.send(session.get("return_url"), "application/json", body, "https://shop.example.com/"))
            .containsEntry("PCD_PAY_CODE", "SPCD0011");
    }

    @Test
    void strictPartnerCallsFromAnotherDomainAreRefused() {
        Map<String, String> session = payple.send(payple.baseUrl() + "/php/auth.php", "application/json",
                "{\"cst_id\":\"strict\",\"custKey\":\"strict-secret-0123456789\",\"PCD_PAYCHK_FLAG\":\"Y\"}",
                "https://shop.example.com/");
        String body = "{\"PCD_CST_ID\":\"strict\",\"PCD_CUST_KEY\":\"strict-secret-0123456789\",\"PCD_AUTH_KEY\":\""
                + session.get("AuthKey") + "\",\"PCD_PAY_OID\":\"x\",\"PCD_PAY_DATE\":\"20260101\"}";
        assertThat(payple.send(session.get("return_url"), "application/json", body, "https://other.example.org/"))
            .containsEntry("PCD_PAY_CODE", "AUTH0004");
        assertThat(payple.send(session.get("return_url"), "application/json", body, "https://shop.example.com/"))
            .containsEntry("PCD_PAY_CODE", "CBIL0003");
    }

    @Test
    void lookupAndCancelRefuseExpiredKeysAndWrongCredentials() {
        Map<String, String> lookup = payple.auth(Map.of("PCD_PAYCHK_FLAG", "Y"));
        Map<String, Object> lookupBody = PaypleTestClient.withEnvelope(lookup,
                Map.of("PCD_PAY_OID", "x", "PCD_PAY_DATE", KoreanTime.date(clock.instant())));
        Map<String, String> cancel = payple.auth(Map.of("PCD_PAYCANCEL_FLAG", "Y"));
        Map<String, Object> cancelBody = PaypleTestClient.withEnvelope(cancel,
                Map.of("PCD_REFUND_KEY", PaypleTestClient.REFUND_KEY, "PCD_PAY_OID", "x", "PCD_PAY_DATE", "20260101",
                        "PCD_REFUND_TOTAL", "100"));
        Map<String, Object> wrongSecret = new LinkedHashMap<>(cancelBody);
        wrongSecret.put("PCD_CUST_KEY", "nope");
        assertThat(payple.post(cancel.get("return_url"), wrongSecret)).containsEntry("PCD_PAY_CODE", "PAYC0001");
        clock.advance(Duration.ofMinutes(31));
        assertThat(payple.post(lookup.get("return_url"), lookupBody)).containsEntry("PCD_PAY_CODE", "CBIL0002");
        assertThat(payple.post(cancel.get("return_url"), cancelBody)).containsEntry("PCD_PAY_CODE", "CBIL0002");
    }

}
