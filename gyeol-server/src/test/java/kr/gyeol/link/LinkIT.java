package kr.gyeol.link;

import static kr.gyeol.support.WindowPages.find;
import static kr.gyeol.support.WindowPages.post;
import static kr.gyeol.support.WindowPages.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.WebhookReceiver;
import kr.gyeol.webhook.WebhookDispatcher;
import kr.gyeol.webhook.WebhookEndpoints;
import kr.gyeol.webhook.WebhookFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Link payments (spec §1.11): LINKREG with its fields and errors, and the link page that
 * opens the window and pays once.
 */
class LinkIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final Pattern CARD_FORM = Pattern.compile("action=\"/window/([^/\"]+)/card\"");

    private static final Pattern ACCOUNT_FORM = Pattern.compile("action=\"/window/([^/\"]+)/account\"");

    private static final Pattern REQUEST_NUMBER = Pattern.compile("<strong id=\"requestNumber\">([0-9]{4})</strong>");

    private Map<String, String> register(Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("PCD_PAY_WORK", "LINKREG");
        return this.payple.call(Map.of("PCD_PAY_WORK", "LINKREG"), body);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Presses the link page's button for {@code method}: the window's first page. */
    private String openWindow(String linkUrl, String method) throws Exception {
        String opener = post(linkUrl + "/pay", Map.of("method", method), linkUrl);
        // The opener page auto-submits its hidden form to the window, as the browser
        // would.
        return post(this.payple.baseUrl() + "/index.php?ACT_=PAYM", result(opener), linkUrl);
    }

    @Autowired
    WebhookEndpoints webhooks;

    @Autowired
    WebhookDispatcher dispatcher;

    private WebhookReceiver receiver;

    @BeforeEach
    void receiveWebhooks() throws Exception {
        this.receiver = new WebhookReceiver(0);
        this.webhooks.configure(PartnerId.of(PaypleTestClient.PARTNER), this.receiver.url("/hook"), null,
                WebhookFormat.JSON, null);
    }

    @AfterEach
    void stopReceivingWebhooks() {
        this.webhooks.configure(PartnerId.of(PaypleTestClient.PARTNER), null, null, WebhookFormat.JSON, null);
        this.receiver.close();
    }

    @Test
    void aCardLinkIsCreatedAndPaidOnceThroughItsPage() throws Exception {
        Map<String, String> link = register(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_GOODS", "강의 수강권", "PCD_PAY_TOTAL",
                "39000", "PCD_LINK_EXPIREDATE", "2099-12-31", "PCD_LINK_MEMO", "11월 수강료"));
        assertThat(link).containsEntry("PCD_LINK_RST", "success")
            .containsEntry("PCD_LINK_MSG", "링크생성완료")
            .containsEntry("PCD_PAY_TYPE", "card")
            .containsEntry("PCD_PAY_GOODS", "강의 수강권")
            .containsEntry("PCD_PAY_TOTAL", "39000")
            .containsEntry("PCD_PAY_ISTAX", "Y")
            .containsEntry("PCD_CARD_VER", "01")
            .containsEntry("PCD_TAXSAVE_FLAG", "N")
            .containsEntry("PCD_LINK_EXPIREDATE", "20991231")
            .containsEntry("PCD_LINK_MEMO", "11월 수강료")
            .doesNotContainKey("PCD_PAY_RST");
        String url = link.get("PCD_LINK_URL");
        assertThat(url).isEqualTo(this.payple.baseUrl() + "/link/" + link.get("PCD_LINK_KEY"));

        HttpResponse<String> page = get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("강의 수강권").contains("39,000").contains("11월 수강료").contains("pay-CARD");

        String windowId = find(CARD_FORM, openWindow(url, "CARD"));
        Map<String, String> paid = result(post(this.payple.baseUrl() + "/window/" + windowId + "/card",
                Map.of("cardNumber", PaypleTestClient.CARD, "expiryMonth", "12", "expiryYear", "30", "birth",
                        PaypleTestClient.BIRTH, "pin", "12", "agree", "Y"),
                null));
        assertThat(paid).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_TOTAL", "39000")
            .containsEntry("(action)", url + "/result");
        String shown = post(url + "/result", paid, null);
        assertThat(shown).contains("결제가 완료되었습니다");
        // The partner hears of it as of any payment.
        this.dispatcher.deliverDue();
        assertThat(this.receiver.containing(paid.get("PCD_PAY_OID"))).hasSize(1);

        assertThat(get(url).body()).contains("이미 결제가 완료된 링크입니다");
        assertThat(this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"),
                Map.of("PCD_PAY_OID", paid.get("PCD_PAY_OID"), "PCD_PAY_DATE", KoreanTime.date(this.clock.instant()))))
            .containsEntry("PCD_PAY_CODE", "PCHK000");
    }

    @Test
    void anAccountLinkPaysAtOnceAfterTheArsStep() throws Exception {
        Map<String, String> link = register(Map.of("PCD_PAY_TYPE", "transfer|card", "PCD_CARD_VER", "01+02",
                "PCD_PAY_GOODS", "관리비", "PCD_PAY_TOTAL", "120000", "PCD_TAXSAVE_FLAG", "Y"));
        assertThat(link).containsEntry("PCD_LINK_RST", "success")
            .containsEntry("PCD_PAY_TYPE", "transfer|card")
            .containsEntry("PCD_CARD_VER", "01+02")
            .containsEntry("PCD_TAXSAVE_FLAG", "Y");
        String url = link.get("PCD_LINK_URL");
        assertThat(get(url).body()).contains("pay-CARD").contains("pay-APP_CARD").contains("pay-BANK_ACCOUNT");

        String windowId = find(ACCOUNT_FORM, openWindow(url, "BANK_ACCOUNT"));
        String ars = post(this.payple.baseUrl() + "/window/" + windowId + "/account", Map.of("bank", "011",
                "accountNumber", "46012345678121", "holderType", "personal", "birth", "851231", "agree", "Y"), null);
        Map<String, String> paid = result(post(this.payple.baseUrl() + "/window/" + windowId + "/ars",
                Map.of("code", find(REQUEST_NUMBER, ars)), null));
        assertThat(paid).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_TYPE", "transfer")
            .containsEntry("PCD_PAY_TOTAL", "120000")
            .containsEntry("PCD_TAXSAVE_FLAG", "Y")
            .containsEntry("PCD_TAXSAVE_RST", "Y");
        assertThat(paid.get("PCD_TAXSAVE_MGTNUM")).matches("test[0-9]{14}");
        assertThat(get(url).body()).contains("이미 결제가 완료된 링크입니다");
    }

    @Test
    void expiredAndUnknownLinks() throws Exception {
        Map<String, String> link = register(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_GOODS", "쿠폰", "PCD_PAY_TOTAL",
                "1000", "PCD_LINK_EXPIREDATE", KoreanTime.date(this.clock.instant())));
        assertThat(link).containsEntry("PCD_LINK_RST", "success");
        assertThat(get(link.get("PCD_LINK_URL")).statusCode()).isEqualTo(200);
        this.clock.advance(Duration.ofDays(1));
        HttpResponse<String> expired = get(link.get("PCD_LINK_URL"));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("만료된 링크입니다");
        HttpResponse<String> unknown = get(this.payple.baseUrl() + "/link/no-such-link");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("링크를 찾을 수 없습니다");
    }

    @Test
    void linkregRefusesWhatItCannotServe() {
        Map<String, String> noGoods = register(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_TOTAL", "1000"));
        assertThat(noGoods).containsEntry("PCD_LINK_RST", "error")
            .containsEntry("PCD_PAY_CODE", "LINK0002")
            .containsEntry("PCD_LINK_MSG", "상품명(PCD_PAY_GOODS)을 입력하세요.");
        assertThat(register(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL", "99")))
            .containsEntry("PCD_PAY_CODE", "LINK0003");
        assertThat(register(Map.of("PCD_PAY_TYPE", "transfer", "PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL", "999")))
            .containsEntry("PCD_PAY_CODE", "LINK0003");
        assertThat(register(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL", "1000",
                "PCD_PAY_TAXTOTAL", "1001")))
            .containsEntry("PCD_PAY_CODE", "LINK0003");
        assertThat(register(Map.of("PCD_PAY_TYPE", "cash", "PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL", "1000")))
            .containsEntry("PCD_PAY_CODE", "LINK0004");
        assertThat(register(Map.of("PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL", "1000"))).containsEntry("PCD_PAY_CODE",
                "LINK0004");
        assertThat(register(
                Map.of("PCD_PAY_TYPE", "card", "PCD_CARD_VER", "03", "PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL", "1000")))
            .containsEntry("PCD_PAY_CODE", "LINK0004");
        assertThat(register(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL", "1000",
                "PCD_LINK_EXPIREDATE", "2001-01-01")))
            .containsEntry("PCD_PAY_CODE", "LINK0005");
        assertThat(register(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL", "1000",
                "PCD_LINK_EXPIREDATE", "tomorrow")))
            .containsEntry("PCD_PAY_CODE", "LINK0005");
        assertThat(register(Map.of("PCD_PAY_TYPE", "card", "PCD_CARD_VER", "02", "PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL",
                "1000", "PCD_REGULER_FLAG", "Y", "PCD_PAY_YEAR", "2026", "PCD_PAY_MONTH", "11")))
            .containsEntry("PCD_PAY_CODE", "LINK0006");
        Map<String, String> monthly = register(Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_GOODS", "x", "PCD_PAY_TOTAL",
                "1000", "PCD_REGULER_FLAG", "Y", "PCD_PAY_YEAR", "2026", "PCD_PAY_MONTH", "3"));
        assertThat(monthly).containsEntry("PCD_LINK_RST", "success")
            .containsEntry("PCD_REGULER_FLAG", "Y")
            .containsEntry("PCD_PAY_MONTH", "03");
        Map<String, String> wrongKey = this.payple.auth(Map.of("PCD_PAYCHK_FLAG", "Y"));
        assertThat(this.payple.post(this.payple.baseUrl() + "/php/link/api/LinkRegAct.php?ACT_=LINKREG",
                Map.of("PCD_CST_ID", wrongKey.get("cst_id"), "PCD_CUST_KEY", wrongKey.get("custKey"), "PCD_AUTH_KEY",
                        wrongKey.get("AuthKey"), "PCD_PAY_TYPE", "card")))
            .containsEntry("PCD_PAY_CODE", "CBIL0001")
            .containsEntry("PCD_LINK_RST", "error");
    }

}
