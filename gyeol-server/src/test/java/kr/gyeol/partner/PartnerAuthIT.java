package kr.gyeol.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * auth.php over real HTTP: the routing table, every body encoding, and every AUTH error
 * code.
 */
class PartnerAuthIT extends GatewayTest {

    @ParameterizedTest(name = "{0} routes to {1}")
    @CsvSource(delimiter = '|', value = { "{}|/index.php?ACT_=PAYM&CPAYVER=202611230000",
            "{\"PCD_PAY_WORK\":\"CERT\"}|/index.php?ACT_=PAYM&CPAYVER=202611230000",
            "{\"PCD_PAY_TYPE\":\"card\",\"PCD_SIMPLE_FLAG\":\"Y\"}|/php/SimplePayCardAct.php?ACT_=PAYM",
            "{\"PCD_SIMPLE_FLAG\":\"Y\"}|/php/SimplePayAct.php?ACT_=PAYM",
            "{\"PCD_PAY_TYPE\":\"transfer\",\"PCD_SIMPLE_FLAG\":\"Y\"}|/php/SimplePayAct.php?ACT_=PAYM",
            "{\"PCD_PAY_TYPE\":\"card\",\"PCD_REGULER_FLAG\":\"Y\"}|/php/RePayCardAct.php?ACT_=PAYM",
            "{\"PCD_PAY_TYPE\":\"card\",\"PCD_REGULAR_FLAG\":\"Y\"}|/php/RePayCardAct.php?ACT_=PAYM",
            "{\"PCD_REGULER_FLAG\":\"Y\"}|/php/RePayAct.php?ACT_=PAYM",
            "{\"PCD_PAYCHK_FLAG\":\"Y\"}|/php/PayChkAct.php", "{\"PCD_PAYCHECK_FLAG\":\"Y\"}|/php/PayChkAct.php",
            "{\"PCD_PAYCANCEL_FLAG\":\"Y\",\"PCD_PAYCHK_FLAG\":\"Y\"}|/php/account/api/cPayCAct.php",
            "{\"PCD_PAY_WORK\":\"PUSERINFO\",\"PCD_PAYCANCEL_FLAG\":\"Y\"}|/php/cPayUser/api/cPayUserAct.php?ACT_=PUSERINFO",
            "{\"PCD_PAY_WORK\":\"PUSERDEL\"}|/php/cPayUser/api/cPayUserAct.php?ACT_=PUSERDEL",
            "{\"PCD_PAY_WORK\":\"LINKREG\"}|/php/link/api/LinkRegAct.php?ACT_=LINKREG",
            "{\"PCD_PAY_WORK\":\"TSREG\"}|/php/taxsave/api/tsAct.php?ACT_=TSREG",
            "{\"PCD_PAY_WORK\":\"TSCANCEL\"}|/php/taxsave/api/tsAct.php?ACT_=TSCANCEL",
            "{\"PCD_PAY_WORK\":\"AUTHREG\",\"PCD_PAY_TYPE\":\"card\"}|/php/cPayUser/api/cPayUserAct.php?ACT_=AUTHREG", })
    void routesFlagsToTheDocumentedUrls(String flags, String payUrl) {
        String body = flags.replace("{", "{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\",").replace(",}", "}");
        Map<String, String> answer = payple.send(payple.baseUrl() + "/php/auth.php", "application/json", body,
                PaypleTestClient.REFERER);
        assertThat(answer).containsEntry("result", "success").containsEntry("PCD_PAY_URL", payUrl);
        assertThat(answer.get("return_url")).isEqualTo(payple.baseUrl() + payUrl);
        assertThat(answer).containsEntry("PCD_PAY_HOST", payple.baseUrl()).containsEntry("cPayUrl", payUrl);
        assertThat(answer.get("server_name")).isEqualTo("127.0.0.1");
        assertThat(answer.get("result_msg")).isEqualTo("사용자 인증 완료!!");
        assertThat(answer.get("cst_id")).hasSize(32).isNotEqualTo("test");
        assertThat(answer.get("AuthKey")).hasSizeGreaterThan(32);
    }

    @Test
    void acceptsGetWithQuery() {
        Map<String, String> answer = payple
            .get(payple.baseUrl() + "/php/auth.php?cst_id=test&custKey=abcd1234567890&PCD_PAYCHK_FLAG=Y");
        assertThat(answer).containsEntry("result", "success").containsEntry("PCD_PAY_URL", "/php/PayChkAct.php");
    }

    @Test
    void acceptsUrlEncodedMultipartAndJsonWithoutContentType() {
        String url = payple.baseUrl() + "/php/auth.php";
        assertThat(payple.send(url, "application/x-www-form-urlencoded", "cst_id=test&custKey=abcd1234567890", null))
            .containsEntry("result", "success");
        assertThat(payple.send(url, null, "{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\"}", null))
            .containsEntry("result", "success");
        String boundary = "gyeolboundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"cst_id\"\r\n\r\ntest\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"custKey\"\r\n\r\nabcd1234567890\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"PCD_PAY_WORK\"\r\n\r\nPUSERINFO\r\n"
                + "--" + boundary + "--\r\n";
        assertThat(payple.send(url, "multipart/form-data; boundary=" + boundary, multipart, null))
            .containsEntry("result", "success")
            .containsEntry("PCD_PAY_URL", "/php/cPayUser/api/cPayUserAct.php?ACT_=PUSERINFO");
    }

    @Test
    void toleratesNumbersAndNulls() {
        Map<String, String> answer = payple.send(payple.baseUrl() + "/php/auth.php", "application/json; charset=UTF-8",
                "{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\",\"PCD_PAYCHK_FLAG\":null,\"PCD_PAY_TOTAL\":1000}",
                null);
        assertThat(answer).containsEntry("result", "success");
    }

    @Test
    void buildsUrlsFromForwardedHeaders() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/php/auth.php"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "pay.example.com")
            .POST(HttpRequest.BodyPublishers.ofString("{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\"}"))
            .build();
        Map<String, String> answer = payple.exchange(request);
        assertThat(answer).containsEntry("PCD_PAY_HOST", "https://pay.example.com");
        assertThat(answer).containsEntry("server_name", "pay.example.com");
    }

    @Test
    void refusesMissingPartnerId() {
        assertThat(payple.post(payple.baseUrl() + "/php/auth.php", Map.of("custKey", "x")))
            .containsEntry("result", "error")
            .containsEntry("code", "AUTH0001")
            .containsEntry("result_msg", "[AUTH0001] 가맹점 인증에 필요한 cst_id 를 확인해주세요.");
    }

    @Test
    void refusesMissingOrWrongSecret() {
        assertThat(payple.post(payple.baseUrl() + "/php/auth.php", Map.of("cst_id", "test"))).containsEntry("code",
                "AUTH0002");
        assertThat(payple.post(payple.baseUrl() + "/php/auth.php", Map.of("cst_id", "test", "custKey", "wrong")))
            .containsEntry("result", "error")
            .containsEntry("code", "AUTH0002");
    }

    @Test
    void refusesUnknownPartner() {
        assertThat(payple.post(payple.baseUrl() + "/php/auth.php", Map.of("cst_id", "nobody", "custKey", "x")))
            .containsEntry("code", "AUTH0003")
            .containsEntry("result_msg", "[AUTH0003] 가맹점 계정이 존재하지 않습니다.");
    }

    @Test
    void strictPartnerNeedsRegisteredDomain() {
        String url = payple.baseUrl() + "/php/auth.php";
        String body = "{\"cst_id\":\"strict\",\"custKey\":\"strict-secret-0123456789\"}";
        assertThat(payple.send(url, "application/json", body, "https://evil.example.net/pay")).containsEntry("code",
                "AUTH0004");
        assertThat(payple.send(url, "application/json", body, null)).containsEntry("code", "AUTH0004");
        assertThat(payple.send(url, "application/json", body, "https://www.shop.example.com/order"))
            .containsEntry("result", "success");
    }

    @Test
    void malformedBodyIsAnAuthErrorNotAnHttpError() {
        assertThat(payple.send(payple.baseUrl() + "/php/auth.php", "application/json", "{not json", null))
            .containsEntry("result", "error")
            .containsEntry("code", "AUTH0001");
    }

    @Test
    void unknownPayplePathAnswersInPaypleShape() {
        assertThat(payple.post(payple.baseUrl() + "/php/NoSuchAct.php", Map.of())).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "CBIL0001");
    }

    @Test
    void answersPlainJsonWithoutDownloadHeaders() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + "/php/auth.php"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"cst_id\":\"test\",\"custKey\":\"abcd1234567890\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
    }

    @Test
    void answersCorsPreflight() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create(payple.baseUrl() + "/php/auth.php"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "http://localhost:3000")
            .header("Access-Control-Request-Method", "POST")
            .build();
        var response = java.net.http.HttpClient.newHttpClient()
            .send(preflight, java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

}
