package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Only ASCII digits, at most the ten of {@code PCD_PAY_TOTAL}'s N(10), are an amount on
 * the Payple wire; anything else is refused with the amount's code and charges nothing.
 * An invalid VAT or a field the parser cannot take answers that field's code, never the
 * generic one; a /v1 amount with a fraction is refused, not truncated.
 */
class WireAmountsIT extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    private String key;

    @BeforeEach
    void registerCard() {
        this.key = payple.registerCard(PaypleTestClient.CARD);
    }

    /** Posts a SimplePay charge whose body's fields are given as raw JSON values. */
    private Map<String, String> chargeRaw(String orderId, Map<String, String> rawFields) {
        Map<String, String> session = payple.auth(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("PCD_CST_ID", JSON.writeValueAsString(session.get("cst_id")));
        fields.put("PCD_CUST_KEY", JSON.writeValueAsString(session.get("custKey")));
        fields.put("PCD_AUTH_KEY", JSON.writeValueAsString(session.get("AuthKey")));
        fields.put("PCD_PAY_TYPE", "\"card\"");
        fields.put("PCD_SIMPLE_FLAG", "\"Y\"");
        fields.put("PCD_PAYER_ID", JSON.writeValueAsString(this.key));
        fields.put("PCD_PAY_GOODS", "\"정기구독\"");
        fields.put("PCD_PAY_OID", JSON.writeValueAsString(orderId));
        fields.put("PCD_PAY_TOTAL", "\"1000\"");
        fields.putAll(rawFields);
        StringBuilder body = new StringBuilder("{");
        fields.forEach((name, value) -> body.append(body.length() > 1 ? "," : "")
            .append('"')
            .append(name)
            .append("\":")
            .append(value));
        return payple.send(session.get("return_url"), "application/json", body.append('}').toString(),
                PaypleTestClient.REFERER);
    }

    private long payments(String orderId) {
        return this.jdbc.sql("SELECT count(*) FROM payments WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(Long.class)
            .single();
    }

    @Test
    void anAmountOfAnythingButAsciiDigitsUpToTenOfThemIsRefusedAndChargesNothing() {
        for (String amount : List.of("\"１０００\"", "\"١٠٠٠\"", "\"10,000\"", "\" 1000 \"", "1e3", "1000.0", "\"1000.0\"",
                "\"99999999999\"", "\"999999999999999\"", "\"-1000\"")) {
            String orderId = PaypleTestClient.uniqueOrderId("amount");
            assertThat(chargeRaw(orderId, Map.of("PCD_PAY_TOTAL", amount))).as(amount)
                .containsEntry("PCD_PAY_RST", "error")
                .containsEntry("PCD_PAY_CODE", "SPCD0002");
            assertThat(payments(orderId)).as(amount).isZero();
        }
        String orderId = PaypleTestClient.uniqueOrderId("amount");
        assertThat(chargeRaw(orderId, Map.of("PCD_PAY_TOTAL", "1000"))).as("a JSON integer")
            .containsEntry("PCD_PAY_CODE", "SPCD0000");
        assertThat(chargeRaw(PaypleTestClient.uniqueOrderId("amount"), Map.of("PCD_PAY_TOTAL", "\"9999999999\"")))
            .as("ten digits")
            .containsEntry("PCD_PAY_CODE", "SPCD0000");
    }

    @Test
    void anInvalidVatAnswersTheAmountsCodeWithWhatIsWrong() {
        for (String vat : List.of("\"abc\"", "\"-1\"", "\"1,000\"", "\"5000\"")) {
            String orderId = PaypleTestClient.uniqueOrderId("vat");
            Map<String, String> answer = chargeRaw(orderId, Map.of("PCD_PAY_TAXTOTAL", vat));
            assertThat(answer).as(vat).containsEntry("PCD_PAY_CODE", "SPCD0002");
            assertThat(answer.get("PCD_PAY_MSG")).as(vat).contains("PCD_PAY_TAXTOTAL");
            assertThat(payments(orderId)).isZero();
        }
    }

    @Test
    void aFieldTheParserCannotTakeAnswersThatFieldsCode() {
        Map<String, String> expected = Map.of("PCD_PAY_TOTAL", "SPCD0002", "PCD_PAY_TAXTOTAL", "SPCD0002",
                "PCD_PAY_GOODS", "SPCD0003", "PCD_PAYER_ID", "SPCD0001");
        expected.forEach((field, code) -> {
            for (String unreadable : List.of("\"a\\u0000b\"", "\"" + "9".repeat(4_097) + "\"", "[\"1000\"]",
                    "{\"v\":1}")) {
                String orderId = PaypleTestClient.uniqueOrderId("unreadable");
                assertThat(chargeRaw(orderId, Map.of(field, unreadable))).as(field + "=" + unreadable)
                    .containsEntry("PCD_PAY_CODE", code);
                assertThat(payments(orderId)).isZero();
            }
        });
        String orderId = PaypleTestClient.uniqueOrderId("unreadable");
        Map<String, String> answer = chargeRaw(orderId, Map.of("PCD_USER_DEFINE1", "\"a\\u0000b\""));
        assertThat(answer.get("PCD_PAY_MSG")).as("a field without a code of its own is named")
            .contains("PCD_USER_DEFINE1");
    }

    @Test
    void aJsonApiAmountWithAFractionIsRefusedNotTruncated() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/v1/plans"))
                .header("Content-Type", "application/json")
                .header("Authorization", PaypleTestClient.BASIC)
                .POST(HttpRequest.BodyPublishers
                    .ofString("{\"name\":\"반올림 요금제\",\"amount\":100.5,\"interval\":\"MONTH\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"malformed-body\"");
        assertThat(this.jdbc.sql("SELECT count(*) FROM plans WHERE name = '반올림 요금제'").query(Long.class).single())
            .isZero();
    }

}
