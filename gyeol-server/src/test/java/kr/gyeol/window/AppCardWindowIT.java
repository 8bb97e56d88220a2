package kr.gyeol.window;

import static kr.gyeol.support.WindowPages.find;
import static kr.gyeol.support.WindowPages.order;
import static kr.gyeol.support.WindowPages.post;
import static kr.gyeol.support.WindowPages.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import kr.gyeol.shared.Settlement;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app-card window ({@code PCD_CARD_VER=02}) over HTTP: the customer picks a card
 * company or an easy-pay wallet and installments, approves a card in the simulated app,
 * and the payment is made without a billing key.
 */
class AppCardWindowIT extends GatewayTest {

    private static final Pattern APP_FORM = Pattern.compile("action=\"/window/([^/\"]+)/app\"");

    private static final Pattern PROVIDER = Pattern.compile("name=\"provider\" value=\"([^\"]+)\"");

    private static final Pattern INSTALLMENT = Pattern.compile("<option value=\"([0-9]+)\">");

    @Autowired
    Settlement reconciler;

    private Map<String, String> form(String work, String total, String methods) {
        Map<String, String> form = order(this.payple.auth(Map.of()), "card", work, "티셔츠", total);
        form.put("PCD_CARD_VER", "02");
        if (methods != null) {
            form.put("PCD_PAY_METHOD", methods);
        }
        form.put("PCD_PAYER_EMAIL", "buyer@example.com");
        return form;
    }

    private String openPage(Map<String, String> form) throws Exception {
        return post(this.payple.baseUrl() + "/index.php?ACT_=PAYM", form, "http://localhost:8080/order");
    }

    /** Opens the window, chooses provider and installments, approves {@code card}. */
    private Map<String, String> pay(Map<String, String> form, String provider, String installments, String card)
            throws Exception {
        return approve(openPage(form), provider, installments, card);
    }

    /**
     * In an opened window, chooses provider and installments and approves {@code card}.
     */
    private Map<String, String> approve(String page, String provider, String installments, String card)
            throws Exception {
        String windowId = find(APP_FORM, page);
        String app = post(this.payple.baseUrl() + "/window/" + windowId + "/app",
                Map.of("provider", provider, "installments", installments, "agree", "Y"), null);
        assertThat(app).contains("name=\"card\" value=\"" + card + "\"");
        return result(post(this.payple.baseUrl() + "/window/" + windowId + "/app/approve",
                Map.of("provider", provider, "installments", installments, "card", card), null));
    }

    private Map<String, String> lookup(String orderId) {
        return this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"),
                Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE", KoreanTime.date(this.clock.instant())));
    }

    @Test
    void payWithACardCompanysAppChargesWithoutABillingKey() throws Exception {
        Map<String, String> form = form("PAY", "15000", null);
        String page = openPage(form);
        assertThat(PROVIDER.matcher(page).results().map((match) -> match.group(1))).contains("0400", "0300", "kakaoPay",
                "naverPay");
        // Below 50,000원 only a lump sum is offered.
        assertThat(INSTALLMENT.matcher(page).results().map((match) -> match.group(1))).containsExactly("0");
        assertThat(page).contains("value=\"buyer@example.com\"");

        Map<String, String> result = approve(page, "0400", "0", "sim-app-approve");
        assertThat(result).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "0000")
            .containsEntry("PCD_PAY_TYPE", "card")
            .containsEntry("PCD_CARD_VER", "02")
            .containsEntry("PCD_PAY_WORK", "PAY")
            .containsEntry("PCD_PAYER_ID", "")
            .containsEntry("PCD_PAY_METHOD", "appCard")
            .containsEntry("PCD_EASY_PAY_METHOD", "")
            .containsEntry("PCD_PAY_CARDNAME", "신한카드")
            .containsEntry("PCD_PAY_CARDNUM", "9490-****-****-4242")
            .containsEntry("PCD_PAY_CARDQUOTA", "00")
            .containsEntry("PCD_PAY_TOTAL", "15000")
            .containsEntry("PCD_SIMPLE_FLAG", "N")
            .containsEntry("(action)", "http://localhost:8080/order_result");
        assertThat(result.get("PCD_PAY_CARDTRADENUM")).matches("[0-9]{24}");
        assertThat(result.get("PCD_PAY_TIME")).matches("[0-9]{14}");

        assertThat(lookup(form.get("PCD_PAY_OID"))).containsEntry("PCD_PAY_CODE", "PCHK000")
            .containsEntry("PCD_CARD_VER", "02")
            .containsEntry("PCD_PAYER_ID", "")
            .containsEntry("PCD_PAY_CARDNAME", "신한카드");
        // An app-card payment is refunded like any other.
        assertThat(this.payple.refund(form.get("PCD_PAY_OID"), KoreanTime.date(this.clock.instant()), 5000))
            .containsEntry("PCD_PAY_RST", "success");
    }

    @Test
    void easyPayWithInstallments() throws Exception {
        Map<String, String> form = form("PAY", "60000", "kakaoPay");
        String page = openPage(form);
        assertThat(PROVIDER.matcher(page).results().map((match) -> match.group(1))).containsExactly("kakaoPay");
        assertThat(INSTALLMENT.matcher(page).results().map((match) -> match.group(1))).contains("0", "2", "3", "12")
            .doesNotContain("1");

        Map<String, String> result = approve(page, "kakaoPay", "3", "sim-app-approve");
        assertThat(result).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_METHOD", "kakaoPay")
            .containsEntry("PCD_EASY_PAY_METHOD", "kakaoPay")
            .containsEntry("PCD_PAY_CARDQUOTA", "03")
            // A wallet holds cards of several companies; this one's first digits are
            // Shinhan's.
            .containsEntry("PCD_PAY_CARDNAME", "신한카드");
    }

    @Test
    void payMethodVariantsRestrictTheChoice() throws Exception {
        String page = openPage(form("PAY", "1000", "naver, card"));
        assertThat(PROVIDER.matcher(page).results().map((match) -> match.group(1))).startsWith("naverPay", "0100")
            .doesNotContain("kakaoPay");
        assertThat(result(openPage(form("PAY", "1000", "paypal")))).containsEntry("PCD_PAY_CODE", "CPCA9997");
    }

    @Test
    void aProviderOrInstallmentTheWindowDidNotOfferIsRefused() throws Exception {
        Map<String, String> kakaoOnly = form("PAY", "1000", "kakaoPay");
        String windowId = find(APP_FORM, openPage(kakaoOnly));
        assertThat(result(post(this.payple.baseUrl() + "/window/" + windowId + "/app/approve",
                Map.of("provider", "naverPay", "installments", "0", "card", "sim-app-approve"), null)))
            .containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "CPCA0004");

        Map<String, String> small = form("PAY", "10000", null);
        windowId = find(APP_FORM, openPage(small));
        assertThat(result(post(this.payple.baseUrl() + "/window/" + windowId + "/app/approve",
                Map.of("provider", "0400", "installments", "3", "card", "sim-app-approve"), null)))
            .containsEntry("PCD_PAY_CODE", "CPCA9999");
        assertThat(lookup(small.get("PCD_PAY_OID"))).containsEntry("PCD_PAY_CODE", "CBIL0003");
    }

    @Test
    void declinesComeFromTheNetwork() throws Exception {
        assertThat(pay(form("PAY", "1000", null), "0300", "0", "sim-app-declined"))
            .containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "CPCA9999")
            .containsEntry("PCD_PAY_MSG", "[Test] [CPCA9999] 3143 - 카드사 문의 바랍니다.");
        assertThat(pay(form("PAY", "1000", null), "0300", "0", "sim-app-insufficient-funds"))
            .containsEntry("PCD_PAY_MSG", "[Test] [CPCA9999] 3133 - 잔액이 부족합니다.");
    }

    @Test
    void aTimeoutIsSettledByTheReconciler() throws Exception {
        Map<String, String> form = form("PAY", "2000", null);
        assertThat(pay(form, "0500", "0", "sim-app-timeout")).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "CPCA0010");
        this.clock.advance(Duration.ofMinutes(1));
        this.reconciler.settleDue();
        assertThat(lookup(form.get("PCD_PAY_OID"))).containsEntry("PCD_PAY_CODE", "PCHK000")
            .containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_CARD_VER", "02");
    }

    @Test
    void certChargesTheAppCardOnlyWhenConfirmed() throws Exception {
        Map<String, String> form = form("CERT", "4000", "naverPay");
        Map<String, String> result = pay(form, "naverPay", "0", "sim-app-approve");
        assertThat(result).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_WORK", "CERT")
            .containsEntry("PCD_PAYER_ID", "")
            .containsEntry("PCD_EASY_PAY_METHOD", "naverPay")
            .containsEntry("PCD_PAY_COFURL", this.payple.baseUrl() + "/php/PayCardConfirmAct.php?ACT_=PAYM");
        assertThat(lookup(form.get("PCD_PAY_OID"))).containsEntry("PCD_PAY_CODE", "CBIL0003");

        Map<String, String> confirm = Map.of("PCD_CST_ID", "test", "PCD_CUST_KEY", "abcd1234567890", "PCD_AUTH_KEY",
                result.get("PCD_AUTH_KEY"), "PCD_PAY_REQKEY", result.get("PCD_PAY_REQKEY"));
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"), confirm)).containsEntry("PCD_PAY_CODE", "PCCF0000")
            .containsEntry("PCD_PAY_TOTAL", "4000")
            .containsEntry("PCD_CARD_VER", "02")
            .containsEntry("PCD_EASY_PAY_METHOD", "naverPay");
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"), confirm)).containsEntry("PCD_PAY_CODE", "CPCA0005");
        assertThat(lookup(form.get("PCD_PAY_OID"))).containsEntry("PCD_PAY_CODE", "PCHK000");
    }

    @Test
    void authAndMonthlyAreRefusedForAnAppCard() throws Exception {
        Map<String, String> auth = form("AUTH", "1000", null);
        auth.remove("PCD_PAY_TOTAL");
        assertThat(result(openPage(auth))).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "CPCA9997");
        Map<String, String> monthly = form("PAY", "1000", null);
        monthly.put("PCD_REGULER_FLAG", "Y");
        monthly.put("PCD_PAY_YEAR", "2026");
        monthly.put("PCD_PAY_MONTH", "11");
        assertThat(result(openPage(monthly))).containsEntry("PCD_PAY_CODE", "CPCA9997");
    }

}
