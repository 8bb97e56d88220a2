package kr.gyeol.window;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.WindowPages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window and its result page under script payloads: every echoed field is escaped (no
 * script, no event handler, no markup of the partner's or the payer's); a result URL that
 * is not http(s) is never the result form's target; a live partner's results go only to
 * its registered domains.
 */
class WindowEscapingIT extends GatewayTest {

    private static final Pattern CARD_FORM = Pattern.compile("action=\"/window/([^/\"]+)/card\"");

    private static final String SCRIPT = "<script>alert('goods')</script>";

    private static final String IMAGE = "\"><img src=x onerror=alert('name')>";

    private static final String QUOTES = "'\"></textarea></title><svg onload=alert('define')>";

    private static void assertInert(String page) {
        Document document = Jsoup.parse(page);
        for (Element script : document.select("script")) {
            assertThat(script.data()).doesNotContain("alert(");
        }
        for (Element element : document.getAllElements()) {
            element.attributes()
                .forEach((attribute) -> assertThat(attribute.getKey()).as(element.tagName())
                    .doesNotStartWith("onerror")
                    .doesNotStartWith("onload"));
        }
        assertThat(document.select("img[src=x], svg")).isEmpty();
        assertThat(page).doesNotContain(SCRIPT).doesNotContain("<img src=x").doesNotContain("<svg onload");
    }

    private Map<String, String> hostileOrder(Map<String, String> session, String resultUrl) {
        Map<String, String> form = WindowPages.order(session, "card", "PAY", SCRIPT, "1000");
        form.put("PCD_CARD_VER", "01");
        form.put("PCD_PAYER_NAME", IMAGE);
        form.put("PCD_PAYER_EMAIL", IMAGE);
        form.put("PCD_USER_DEFINE1", QUOTES);
        form.put("PCD_USER_DEFINE2", SCRIPT);
        form.put("PCD_RST_URL", resultUrl);
        return form;
    }

    @Test
    void scriptPayloadsInEveryEchoedFieldAreInertInTheWindowAndItsResult() throws Exception {
        String window = WindowPages.post(this.payple.baseUrl() + "/index.php?ACT_=PAYM",
                hostileOrder(this.payple.auth(Map.of()), "/order_result"), "http://localhost:8080/order");
        assertInert(window);
        assertThat(Jsoup.parse(window).text()).contains(SCRIPT);
        Matcher card = CARD_FORM.matcher(window);
        assertThat(card.find()).isTrue();

        String result = WindowPages.post(this.payple.baseUrl() + "/window/" + card.group(1) + "/card",
                Map.of("cardNumber", PaypleTestClient.CARD, "expiryMonth", "12", "expiryYear", "30", "birth",
                        PaypleTestClient.BIRTH, "pin", "12", "agree", "Y"),
                this.payple.baseUrl() + "/index.php");
        assertInert(result);
        // Escaped, not altered: the shop gets its values back exactly.
        Map<String, String> fields = WindowPages.result(result);
        assertThat(fields).containsEntry("PCD_PAY_GOODS", SCRIPT)
            .containsEntry("PCD_PAYER_NAME", IMAGE)
            .containsEntry("PCD_USER_DEFINE1", QUOTES)
            .containsEntry("PCD_USER_DEFINE2", SCRIPT);
    }

    @Test
    void aResultUrlThatIsNotHttpIsNeverTheResultFormsTarget() throws Exception {
        for (String url : new String[] { "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)" }) {
            String page = WindowPages.post(this.payple.baseUrl() + "/index.php?ACT_=PAYM",
                    hostileOrder(this.payple.auth(Map.of()), url), "http://localhost:8080/order");
            assertInert(page);
            Document document = Jsoup.parse(page);
            for (Element form : document.select("form")) {
                assertThat(form.attr("action").toLowerCase()).as(url)
                    .doesNotStartWith("javascript")
                    .doesNotStartWith("data")
                    .doesNotStartWith("vbscript");
            }
        }
    }

    @Test
    void aLivePartnersResultsGoOnlyToItsRegisteredDomains() throws Exception {
        PaypleTestClient strict = new PaypleTestClient(this.payple.baseUrl(), "strict", "strict-secret-0123456789");
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("cst_id", "strict");
        credentials.put("custKey", "strict-secret-0123456789");
        String shop = "https://shop.example.com/order";
        Map<String, String> session = strict.send(this.payple.baseUrl() + "/php/auth.php", "application/json",
                JsonMapper.builder().build().writeValueAsString(credentials), shop);
        assertThat(session).containsEntry("result", "success");
        String refused = WindowPages.post(this.payple.baseUrl() + "/index.php?ACT_=PAYM",
                hostileOrder(session, "https://evil.example.net/steal"), shop);
        assertThat(CARD_FORM.matcher(refused).find()).as("no window for a foreign result URL").isFalse();
        assertThat(refused).doesNotContain("evil.example.net");
        assertThat(Jsoup.parse(refused).text()).contains("등록된 도메인이 아닙니다");

        Map<String, String> again = strict.send(this.payple.baseUrl() + "/php/auth.php", "application/json",
                JsonMapper.builder().build().writeValueAsString(credentials), shop);
        String opened = WindowPages.post(this.payple.baseUrl() + "/index.php?ACT_=PAYM",
                hostileOrder(again, "https://pay.shop.example.com/result"), shop);
        assertThat(CARD_FORM.matcher(opened).find()).as("a sub-domain of a registered domain").isTrue();
    }

}
