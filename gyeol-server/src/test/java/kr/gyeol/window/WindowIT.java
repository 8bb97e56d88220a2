package kr.gyeol.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.gyeol.shared.ExpiredRowsJanitor;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import static kr.gyeol.support.WindowPages.order;
import static kr.gyeol.support.WindowPages.post;
import static kr.gyeol.support.WindowPages.result;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payment window driven over HTTP the way a browser without the SDK would: the form
 * POST that opens it, the card form, the result page and its hidden result fields, and
 * CERT confirmation.
 */
class WindowIT extends GatewayTest {

    private static final Pattern CARD_FORM = Pattern.compile("action=\"/window/([^/\"]+)/card\"");

    private static final Pattern ACCOUNT_FORM = Pattern.compile("action=\"/window/([^/\"]+)/account\"");

    private static final Pattern REQUEST_NUMBER = Pattern.compile("<strong id=\"requestNumber\">([0-9]{4})</strong>");

    private Map<String, String> windowForm(Map<String, String> session, String work, String total) {
        Map<String, String> form = order(session, "card", work, "<b>구독</b>", total);
        form.put("PCD_CARD_VER", "01");
        form.put("PCD_PAYER_NO", "42");
        return form;
    }

    /** Opens a window and returns its id. */
    private String open(Map<String, String> form) throws Exception {
        String page = openPage(form);
        Matcher matcher = CARD_FORM.matcher(page);
        assertThat(matcher.find()).as("card form in %s", page).isTrue();
        return matcher.group(1);
    }

    private String openPage(Map<String, String> form) throws Exception {
        return post(this.payple.baseUrl() + "/index.php?ACT_=PAYM&CPAYVER=202611230000", form,
                "http://localhost:8080/order");
    }

    private Map<String, String> submitCard(String windowId, String cardNumber) throws Exception {
        return result(post(
                this.payple.baseUrl() + "/window/" + windowId + "/card", Map.of("cardNumber", cardNumber, "expiryMonth",
                        "12", "expiryYear", "30", "birth", PaypleTestClient.BIRTH, "pin", "12", "agree", "Y"),
                this.payple.baseUrl() + "/index.php"));
    }

    private String today() {
        return KoreanTime.date(this.clock.instant());
    }

    @Test
    void payChargesTheCardAndDeliversTheResultToTheShop() throws Exception {
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), "PAY", "15000");
        String page = openPage(form);
        // The partner's text is escaped in the page, and the amount shown as the customer
        // reads it.
        assertThat(page).doesNotContain("<b>구독</b>").contains("&lt;b&gt;").contains("15,000");
        Matcher card = CARD_FORM.matcher(page);
        assertThat(card.find()).isTrue();
        Map<String, String> result = submitCard(card.group(1), PaypleTestClient.CARD);
        assertThat(result).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "0000")
            .containsEntry("PCD_PAY_MSG", "카드승인완료")
            .containsEntry("PCD_PAY_WORK", "PAY")
            .containsEntry("PCD_PAY_TYPE", "card")
            .containsEntry("PCD_CARD_VER", "01")
            .containsEntry("PCD_PAY_OID", form.get("PCD_PAY_OID"))
            .containsEntry("PCD_PAY_TOTAL", "15000")
            .containsEntry("PCD_PAY_TAXTOTAL", "1364")
            .containsEntry("PCD_PAY_CARDNUM", "4242-****-****-4242")
            .containsEntry("PCD_PAY_GOODS", "<b>구독</b>")
            .containsEntry("PCD_RST_URL", "http://localhost:8080/order_result")
            .containsEntry("(action)", "http://localhost:8080/order_result")
            .containsEntry("PCD_REGULER_FLAG", "")
            .doesNotContainKey("PCD_SIMPLE_FLAG");
        assertThat(result.get("PCD_PAY_TIME")).matches("[0-9]{14}");
        assertThat(result.get("PCD_PAYER_ID")).hasSize(32);
        assertThat(result.values()).noneMatch((value) -> value.contains(PaypleTestClient.CARD));
        assertThat(this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"),
                Map.of("PCD_PAY_OID", form.get("PCD_PAY_OID"), "PCD_PAY_DATE", today())))
            .containsEntry("PCD_PAY_CODE", "PCHK000");
    }

    @Test
    void authRegistersWithoutChargingAndTheKeyWorksOverRest() throws Exception {
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), "AUTH", null);
        Map<String, String> result = submitCard(open(form), PaypleTestClient.CARD);
        assertThat(result).containsEntry("PCD_PAY_RST", "success").containsEntry("PCD_PAY_WORK", "AUTH");
        assertThat(this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"),
                Map.of("PCD_PAY_OID", form.get("PCD_PAY_OID"), "PCD_PAY_DATE", today())))
            .containsEntry("PCD_PAY_CODE", "CBIL0003");
        assertThat(this.payple.chargeCard(result.get("PCD_PAYER_ID"), null, 1000)).containsEntry("PCD_PAY_CODE",
                "SPCD0000");
    }

    @Test
    void certChargesOnlyWhenThePartnerConfirmsAndOnlyOnce() throws Exception {
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), "CERT", "3000");
        Map<String, String> result = submitCard(open(form), PaypleTestClient.CARD);
        assertThat(result).containsEntry("PCD_PAY_RST", "success").containsEntry("PCD_PAY_WORK", "CERT");
        assertThat(result.get("PCD_PAY_COFURL"))
            .isEqualTo(this.payple.baseUrl() + "/php/PayCardConfirmAct.php?ACT_=PAYM");
        Map<String, String> lookup = Map.of("PCD_PAY_OID", form.get("PCD_PAY_OID"), "PCD_PAY_DATE", today());
        assertThat(this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"), lookup)).containsEntry("PCD_PAY_CODE", "CBIL0003");

        Map<String, String> confirm = Map.of("PCD_CST_ID", "test", "PCD_CUST_KEY", "abcd1234567890", "PCD_AUTH_KEY",
                result.get("PCD_AUTH_KEY"), "PCD_PAY_REQKEY", result.get("PCD_PAY_REQKEY"), "PCD_PAYER_ID",
                result.get("PCD_PAYER_ID"));
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"), confirm)).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "PCCF0000")
            .containsEntry("PCD_PAY_MSG", "카드결제완료")
            .containsEntry("PCD_PAY_TOTAL", "3000")
            .containsEntry("PCD_PAY_AMOUNT_REAL", "3000")
            .containsEntry("PCD_PAY_REQKEY", result.get("PCD_PAY_REQKEY"));
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"), confirm)).containsEntry("PCD_PAY_CODE", "CPCA0005");
        assertThat(this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"), lookup)).containsEntry("PCD_PAY_CODE", "PCHK000");
    }

    @Test
    void aCertWindowWithoutAnOrderIdReportsTheOneItCharges() throws Exception {
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), "CERT", "3000");
        form.remove("PCD_PAY_OID");
        Map<String, String> result = submitCard(open(form), PaypleTestClient.CARD);
        String orderId = result.get("PCD_PAY_OID");
        assertThat(orderId).as("made when the window opened").startsWith("gyeol");
        Map<String, String> confirm = Map.of("PCD_CST_ID", "test", "PCD_CUST_KEY", "abcd1234567890", "PCD_AUTH_KEY",
                result.get("PCD_AUTH_KEY"), "PCD_PAY_REQKEY", result.get("PCD_PAY_REQKEY"));
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"), confirm)).containsEntry("PCD_PAY_CODE", "PCCF0000")
            .containsEntry("PCD_PAY_OID", orderId);
    }

    @Test
    void windowAndRestGiveTheSameVatForAZeroPlaceholder() throws Exception {
        // PCD_PAY_TAXTOTAL=0 with PCD_PAY_ISTAX=Y is read as no VAT given: 10 % included.
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), "PAY", "15000");
        form.put("PCD_PAY_ISTAX", "Y");
        form.put("PCD_PAY_TAXTOTAL", "0");
        Map<String, String> windowResult = submitCard(open(form), PaypleTestClient.CARD);
        assertThat(windowResult).containsEntry("PCD_PAY_TAXTOTAL", "1364");
        assertThat(this.payple.call(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"),
                Map.of("PCD_PAY_TYPE", "card", "PCD_PAYER_ID", windowResult.get("PCD_PAYER_ID"), "PCD_PAY_GOODS", "구독",
                        "PCD_PAY_TOTAL", "15000", "PCD_PAY_ISTAX", "Y", "PCD_PAY_TAXTOTAL", "0")))
            .containsEntry("PCD_PAY_CODE", "SPCD0000")
            .containsEntry("PCD_PAY_TAXTOTAL", "1364");
    }

    @Test
    void certRequestKeyExpiresWithItsAuthKey() throws Exception {
        Map<String, String> result = submitCard(open(windowForm(this.payple.auth(Map.of()), "CERT", "3000")),
                PaypleTestClient.CARD);
        this.clock.advance(Duration.ofMinutes(31));
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"),
                Map.of("PCD_CST_ID", "test", "PCD_CUST_KEY", "abcd1234567890", "PCD_AUTH_KEY",
                        result.get("PCD_AUTH_KEY"), "PCD_PAY_REQKEY", result.get("PCD_PAY_REQKEY"))))
            .containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "CPCA0005");
    }

    @Test
    void certConfirmationRefusesAnotherCard() throws Exception {
        Map<String, String> result = submitCard(open(windowForm(this.payple.auth(Map.of()), "CERT", "3000")),
                PaypleTestClient.CARD);
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"),
                Map.of("PCD_CST_ID", "test", "PCD_CUST_KEY", "abcd1234567890", "PCD_AUTH_KEY",
                        result.get("PCD_AUTH_KEY"), "PCD_PAY_REQKEY", result.get("PCD_PAY_REQKEY"), "PCD_PAYER_ID",
                        "another-key")))
            .containsEntry("PCD_PAY_CODE", "CPCA0004");
    }

    @Test
    void declinedCardIsAnErrorResult() throws Exception {
        Map<String, String> result = submitCard(open(windowForm(this.payple.auth(Map.of()), "PAY", "1000")),
                "4000000000000002");
        assertThat(result).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "CPCA9999")
            .containsEntry("PCD_PAY_MSG", "[Test] [CPCA9999] 3143 - 카드사 문의 바랍니다.");
    }

    @Test
    void aMistypedCardKeepsTheWindowOpenWithTheMistakeBesideItsField() throws Exception {
        String windowId = open(windowForm(this.payple.auth(Map.of()), "PAY", "1000"));
        String url = this.payple.baseUrl() + "/window/" + windowId + "/card";
        Map<String, String> typed = new java.util.HashMap<>(Map.of("cardNumber", "4242 4242 4242 4241", "expiryMonth",
                "12", "expiryYear", "30", "birth", PaypleTestClient.BIRTH, "pin", "12", "agree", "Y"));
        String page = post(url, typed, null);
        assertThat(page).contains("id=\"cardNumber-error\"").contains("카드번호를 다시 확인해 주세요.");
        assertThat(CARD_FORM.matcher(page).find()).as("still the card form").isTrue();
        typed.put("cardNumber", "4242 4242 4242 4242");
        typed.put("expiryYear", "20");
        assertThat(post(url, typed, null)).contains("id=\"expiryYear-error\"");
        typed.put("expiryYear", "30");
        typed.put("birth", "9001");
        assertThat(post(url, typed, null)).contains("id=\"birth-error\"");
        typed.put("birth", PaypleTestClient.BIRTH);
        typed.put("pin", "x");
        assertThat(post(url, typed, null)).contains("id=\"pin-error\"");
        typed.put("pin", "12");
        // Corrected, the same window pays.
        assertThat(result(post(url, typed, null))).containsEntry("PCD_PAY_RST", "success");
    }

    @Test
    void closingDeliversClose() throws Exception {
        String windowId = open(windowForm(this.payple.auth(Map.of()), "PAY", "1000"));
        Map<String, String> result = result(
                post(this.payple.baseUrl() + "/window/" + windowId + "/close", Map.of(), null));
        assertThat(result).containsEntry("PCD_PAY_RST", "close")
            .containsEntry("(action)", "http://localhost:8080/order_result");
        assertThat(submitCard(windowId, PaypleTestClient.CARD)).containsEntry("PCD_PAY_CODE", "CPCA0201");
    }

    @Test
    void aDoubleSubmitChargesOnce() throws Exception {
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), "PAY", "1000");
        String windowId = open(form);
        assertThat(submitCard(windowId, PaypleTestClient.CARD)).containsEntry("PCD_PAY_RST", "success");
        assertThat(submitCard(windowId, PaypleTestClient.CARD)).containsEntry("PCD_PAY_CODE", "CPCA0201");
    }

    @Test
    void aUsedOrForeignAuthKeyDoesNotOpenTheWindow() throws Exception {
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), "PAY", "1000");
        open(form);
        Map<String, String> reused = result(
                post(this.payple.baseUrl() + "/index.php?ACT_=PAYM", form, "http://localhost:8080/order"));
        assertThat(reused).containsEntry("PCD_PAY_RST", "error").containsEntry("PCD_PAY_CODE", "CPCA0005");
        Map<String, String> wrongOperation = windowForm(this.payple.auth(Map.of("PCD_PAYCHK_FLAG", "Y")), "PAY",
                "1000");
        assertThat(result(post(this.payple.baseUrl() + "/index.php?ACT_=PAYM", wrongOperation, null)))
            .containsEntry("PCD_PAY_CODE", "CBIL0001");
    }

    @Test
    void theAuthKeyAloneOpensTheWindow() throws Exception {
        // Payple's 1.0.1 samples of 2021-2023 pass PCD_AUTH_KEY and PCD_PAY_URL only.
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), "PAY", "1000");
        form.remove("PCD_CST_ID");
        form.remove("PCD_CUST_KEY");
        assertThat(submitCard(open(form), PaypleTestClient.CARD)).containsEntry("PCD_PAY_RST", "success");

        // Credentials that are given must still be right, and the key is still
        // single-use.
        Map<String, String> wrong = windowForm(this.payple.auth(Map.of()), "PAY", "1000");
        wrong.put("PCD_CST_ID", "someone-else");
        assertThat(result(openPage(wrong))).containsEntry("PCD_PAY_CODE", "AUTH0001");
        assertThat(result(openPage(form))).containsEntry("PCD_PAY_CODE", "CPCA0005");
        // Other operations still want the whole envelope.
        Map<String, String> session = this.payple.auth(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"));
        assertThat(this.payple.post(session.get("return_url"),
                Map.of("PCD_AUTH_KEY", session.get("AuthKey"), "PCD_PAY_TYPE", "card", "PCD_PAYER_ID", "x",
                        "PCD_PAY_GOODS", "g", "PCD_PAY_TOTAL", "1000")))
            .containsEntry("PCD_PAY_RST", "error")
            .doesNotContainEntry("PCD_PAY_CODE", "SPCD0000");
    }

    @Test
    void refusesAmountsAndKindsItCannotServe() throws Exception {
        assertThat(result(post(this.payple.baseUrl() + "/index.php?ACT_=PAYM",
                windowForm(this.payple.auth(Map.of()), "PAY", "99"), "http://localhost:8080/order")))
            .containsEntry("PCD_PAY_CODE", "SPCD0002");
        Map<String, String> unknownVersion = windowForm(this.payple.auth(Map.of()), "PAY", "1000");
        unknownVersion.put("PCD_CARD_VER", "03");
        assertThat(result(
                post(this.payple.baseUrl() + "/index.php?ACT_=PAYM", unknownVersion, "http://localhost:8080/order")))
            .containsEntry("PCD_PAY_CODE", "CPCA9997");
    }

    @Test
    void absoluteResultUrlIsUsedAsGivenForDirectMode() throws Exception {
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), "AUTH", null);
        form.put("PCD_RST_URL", "https://shop.example.com/pay/result");
        assertThat(submitCard(open(form), PaypleTestClient.CARD)).containsEntry("(action)",
                "https://shop.example.com/pay/result");
    }

    private String openAccount(String work) throws Exception {
        return openAccount(work, work.equals("AUTH") ? null : "5000", Map.of());
    }

    /** Opens an account window with {@code extra} fields and returns its id. */
    private String openAccount(String work, String total, Map<String, String> extra) throws Exception {
        Map<String, String> form = windowForm(this.payple.auth(Map.of()), work, total);
        form.put("PCD_PAY_TYPE", "transfer");
        form.remove("PCD_CARD_VER");
        form.putAll(extra);
        Matcher matcher = ACCOUNT_FORM.matcher(openPage(form));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** Submits the account form and returns the ARS page. */
    private String submitAccount(String windowId, String accountNumber) throws Exception {
        return post(this.payple.baseUrl() + "/window/" + windowId + "/account", Map.of("bank", "011", "accountNumber",
                accountNumber, "holderType", "personal", "birth", "851231", "agree", "Y"), null);
    }

    private Map<String, String> keyArs(String windowId, String arsPage, boolean right) throws Exception {
        return result(post(arsUrl(windowId), Map.of("code", arsCode(arsPage, right)), null));
    }

    /** The number the ARS page asks for, or one that is not it. */
    private static String arsCode(String arsPage, boolean right) {
        Matcher number = REQUEST_NUMBER.matcher(arsPage);
        assertThat(number.find()).as("ARS number in %s", arsPage).isTrue();
        return right ? number.group(1) : (number.group(1).equals("0000") ? "1111" : "0000");
    }

    private String arsUrl(String windowId) {
        return this.payple.baseUrl() + "/window/" + windowId + "/ars";
    }

    @Test
    void accountAuthRegistersAfterTheArsCall() throws Exception {
        String windowId = openAccount("AUTH");
        Map<String, String> result = keyArs(windowId, submitAccount(windowId, "46012345678121"), true);
        assertThat(result).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_TYPE", "transfer")
            .containsEntry("PCD_PAY_WORK", "AUTH")
            .containsEntry("PCD_PAY_BANK", "011")
            .containsEntry("PCD_PAY_BANKNAME", "농협")
            .containsEntry("PCD_PAY_BANKNUM", "460-********-121")
            .containsEntry("PCD_PAY_BANKACCTYPE", "personal");
        assertThat(this.payple.call(Map.of("PCD_SIMPLE_FLAG", "Y"), Map.of("PCD_PAY_TYPE", "transfer", "PCD_PAYER_ID",
                result.get("PCD_PAYER_ID"), "PCD_PAY_GOODS", "월회비", "PCD_PAY_TOTAL", "5000")))
            .containsEntry("PCD_PAY_CODE", "SPAY0000");
    }

    @Test
    void accountCertIsChargedWhenConfirmedThroughPayConfirmAct() throws Exception {
        String windowId = openAccount("CERT");
        Map<String, String> result = keyArs(windowId, submitAccount(windowId, "46012345678121"), true);
        assertThat(result.get("PCD_PAY_COFURL")).isEqualTo(this.payple.baseUrl() + "/php/PayConfirmAct.php?ACT_=PAYM");
        Map<String, String> confirm = Map.of("PCD_CST_ID", "test", "PCD_CUST_KEY", "abcd1234567890", "PCD_AUTH_KEY",
                result.get("PCD_AUTH_KEY"), "PCD_PAY_REQKEY", result.get("PCD_PAY_REQKEY"), "PCD_PAYER_ID",
                result.get("PCD_PAYER_ID"));
        // The account confirmation URL is documented with and without ACT_=PAYM.
        assertThat(this.payple.post(this.payple.baseUrl() + "/php/PayConfirmAct.php", confirm))
            .containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "0000")
            .containsEntry("PCD_PAY_MSG", "출금이체완료")
            .containsEntry("PCD_PAY_BANKNUM", "460-********-121")
            .containsEntry("PCD_PAY_TOTAL", "5000");
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"), confirm)).containsEntry("PCD_PAY_CODE", "CPCA0005");
    }

    @Test
    void aWrongArsNumberMayBeKeyedAgainFourTimesThenEndsTheWindow() throws Exception {
        String windowId = openAccount("AUTH");
        String wrong = arsCode(submitAccount(windowId, "46012345678121"), false);
        String url = arsUrl(windowId);
        for (int triesLeft = 4; triesLeft >= 1; triesLeft--) {
            assertThat(post(url, Map.of("code", wrong), null)).as("the ARS step again")
                .contains("id=\"requestNumber\"")
                .contains(triesLeft + "번 더 틀리면");
        }
        assertThat(result(post(url, Map.of("code", wrong), null))).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "ARSA0011");

        // Right after a wrong try, the window registers.
        String another = openAccount("AUTH");
        String page = submitAccount(another, "46012345678121");
        post(arsUrl(another), Map.of("code", arsCode(page, false)), null);
        assertThat(keyArs(another, page, true)).containsEntry("PCD_PAY_RST", "success");
    }

    @Test
    void bankMaintenanceAndInvalidAccountsAreErrorResults() throws Exception {
        String maintenance = openAccount("AUTH");
        assertThat(result(submitAccount(maintenance, "1000000009997"))).containsEntry("PCD_PAY_CODE", "ARSA9998");
        String invalid = openAccount("AUTH");
        assertThat(result(submitAccount(invalid, "12"))).containsEntry("PCD_PAY_CODE", "ARSA0006");
    }

    @Test
    void accountPayIssuesTheCashReceiptItAsksFor() throws Exception {
        String windowId = openAccount("PAY", "11000", Map.of("PCD_TAXSAVE_FLAG", "Y", "PCD_PAYER_HP", "01012345678"));
        Map<String, String> result = keyArs(windowId, submitAccount(windowId, "46012345678121"), true);
        assertThat(result).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_TAXSAVE_FLAG", "Y")
            .containsEntry("PCD_TAXSAVE_RST", "Y");
        assertThat(result.get("PCD_TAXSAVE_MGTNUM")).matches("test[0-9]{14}");
    }

    @Test
    void accountPayRegistersAfterTheArsCallAndWithdrawsAtOnce() throws Exception {
        String windowId = openAccount("PAY");
        Map<String, String> result = keyArs(windowId, submitAccount(windowId, "46012345678121"), true);
        assertThat(result).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_TYPE", "transfer")
            .containsEntry("PCD_PAY_WORK", "PAY")
            .containsEntry("PCD_PAY_TOTAL", "5000")
            .containsEntry("PCD_PAY_BANK", "011")
            .containsEntry("PCD_PAY_BANKNUM", "460-********-121")
            .containsEntry("PCD_TAXSAVE_FLAG", "N")
            .containsEntry("PCD_REGULER_FLAG", "")
            .containsEntry("PCD_PAY_YEAR", "")
            .containsEntry("PCD_PAY_MONTH", "")
            .doesNotContainKey("PCD_SIMPLE_FLAG");
        assertThat(result.get("PCD_PAYER_ID")).isNotBlank();
        assertThat(this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"),
                Map.of("PCD_PAY_TYPE", "transfer", "PCD_PAY_OID", result.get("PCD_PAY_OID"), "PCD_PAY_DATE", today())))
            .containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_TOTAL", "5000");
    }

    @Autowired
    ExpiredRowsJanitor janitor;

    @Autowired
    JdbcClient jdbc;

    private long rows(String table, String column, String value) {
        return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :value")
            .param("value", value)
            .query(Long.class)
            .single();
    }

    @Test
    void windowsAndTheirConfirmationsAreDeletedADayAfterTheyExpire() throws Exception {
        String certWindow = open(windowForm(this.payple.auth(Map.of()), "CERT", "3000"));
        Map<String, String> result = submitCard(certWindow, PaypleTestClient.CARD);
        String accountWindow = openAccount("AUTH");
        submitAccount(accountWindow, "46012345678121");
        assertThat(rows("payment_confirmations", "window_id", certWindow)).isOne();

        this.clock.advance(Duration.ofMinutes(31));
        this.janitor.deleteExpired();
        assertThat(rows("window_sessions", "id", certWindow)).isOne();

        this.clock.advance(Duration.ofDays(1));
        assertThat(this.janitor.deleteExpired()).isGreaterThanOrEqualTo(2);
        assertThat(rows("window_sessions", "id", certWindow)).isZero();
        assertThat(rows("window_sessions", "id", accountWindow)).isZero();
        assertThat(rows("payment_confirmations", "window_id", certWindow)).isZero();
        // The spent AuthKeys of those windows went with them.
        assertThat(this.jdbc.sql("SELECT count(*) FROM auth_key_uses WHERE expires_at < :cutoff")
            .param("cutoff", this.clock.instant().minus(Duration.ofDays(1)).atOffset(java.time.ZoneOffset.UTC))
            .query(Long.class)
            .single()).isZero();
        Map<String, String> confirm = Map.of("PCD_CST_ID", "test", "PCD_CUST_KEY", "abcd1234567890", "PCD_AUTH_KEY",
                result.get("PCD_AUTH_KEY"), "PCD_PAY_REQKEY", result.get("PCD_PAY_REQKEY"));
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"), confirm)).containsEntry("PCD_PAY_RST", "error");
    }

    @Test
    void anHtmlErrorIsAPageInTheWindowsStyleNotTheWhitelabelPage() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.payple.baseUrl() + "/window/none/card"))
                .header("Accept", "text/html")
                .GET()
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("요청을 처리하지 못했습니다").doesNotContain("Whitelabel");
    }

}
