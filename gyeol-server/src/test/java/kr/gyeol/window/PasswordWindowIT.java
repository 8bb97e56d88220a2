package kr.gyeol.window;

import static kr.gyeol.support.WindowPages.find;
import static kr.gyeol.support.WindowPages.order;
import static kr.gyeol.support.WindowPages.post;
import static kr.gyeol.support.WindowPages.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;

/**
 * Payple's password simple-pay through the window: a registration with
 * {@code PCD_SIMPLE_FLAG=Y} sets a six-digit password, and a later window with the
 * {@code PCD_PAYER_ID} asks only for it.
 */
class PasswordWindowIT extends GatewayTest {

    private static final String PASSWORD = "135790";

    private static final String WRONG = "246801";

    private static final Pattern CARD_FORM = Pattern.compile("action=\"/window/([^/\"]+)/card\"");

    private static final Pattern ACCOUNT_FORM = Pattern.compile("action=\"/window/([^/\"]+)/account\"");

    private static final Pattern PASSWORD_FORM = Pattern.compile("action=\"/window/([^/\"]+)/password\"");

    private static final Pattern REQUEST_NUMBER = Pattern.compile("<strong id=\"requestNumber\">([0-9]{4})</strong>");

    private Map<String, String> form(String payType, String work, String total) {
        Map<String, String> form = order(this.payple.auth(Map.of()), payType, work, "정기구독", total);
        form.put("PCD_SIMPLE_FLAG", "Y");
        return form;
    }

    private String open(Map<String, String> form) throws Exception {
        return post(this.payple.baseUrl() + "/index.php?ACT_=PAYM", form, "http://localhost:8080/order");
    }

    /** Registers a card through the window with a password; returns its billing key. */
    private String registerCardWithPassword() throws Exception {
        String windowId = find(CARD_FORM, open(form("card", "AUTH", null)));
        Map<String, String> result = result(
                post(this.payple.baseUrl() + "/window/" + windowId + "/card", card(PASSWORD, PASSWORD), null));
        assertThat(result).containsEntry("PCD_PAY_RST", "success");
        return result.get("PCD_PAYER_ID");
    }

    private static Map<String, String> card(String password, String confirm) {
        return Map.of("cardNumber", PaypleTestClient.CARD, "expiryMonth", "12", "expiryYear", "30", "birth",
                PaypleTestClient.BIRTH, "pin", "12", "password", password, "passwordConfirm", confirm, "agree", "Y");
    }

    private Map<String, String> repayment(String payType, String work, String total, String billingKey) {
        Map<String, String> form = form(payType, work, total);
        form.put("PCD_PAYER_ID", billingKey);
        form.put("PCD_PAYER_AUTHTYPE", "pwd");
        return form;
    }

    private String typePassword(String windowId, String password) throws Exception {
        return post(this.payple.baseUrl() + "/window/" + windowId + "/password", Map.of("password", password), null);
    }

    private Map<String, String> lookup(String orderId) {
        return this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"),
                Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE", KoreanTime.date(this.clock.instant())));
    }

    @Test
    void registrationAsksForThePasswordTwice() throws Exception {
        String windowId = find(CARD_FORM, open(form("card", "AUTH", null)));
        String again = post(this.payple.baseUrl() + "/window/" + windowId + "/card", card(PASSWORD, WRONG), null);
        assertThat(again).contains("간편결제 비밀번호 확인이 일치하지 않습니다.").contains("name=\"passwordConfirm\"");
        String tooShort = post(this.payple.baseUrl() + "/window/" + windowId + "/card", card("1234", "1234"), null);
        assertThat(tooShort).contains("숫자 6자리");
        // Nothing was registered yet: the window is still open for the right input.
        assertThat(
                result(post(this.payple.baseUrl() + "/window/" + windowId + "/card", card(PASSWORD, PASSWORD), null)))
            .containsEntry("PCD_PAY_RST", "success");
    }

    @Test
    void aRepaymentAsksOnlyForThePasswordAndChargesTheKey() throws Exception {
        String billingKey = registerCardWithPassword();
        Map<String, String> form = repayment("card", "PAY", "5000", billingKey);
        String page = open(form);
        assertThat(page).contains("4242-****-****-4242").doesNotContain("name=\"cardNumber\"");
        String windowId = find(PASSWORD_FORM, page);

        String wrong = typePassword(windowId, WRONG);
        assertThat(wrong).contains("비밀번호가 일치하지 않습니다. 4번 더 틀리면");
        assertThat(lookup(form.get("PCD_PAY_OID"))).containsEntry("PCD_PAY_CODE", "CBIL0003");

        Map<String, String> result = result(typePassword(windowId, PASSWORD));
        assertThat(result).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_WORK", "PAY")
            .containsEntry("PCD_PAYER_ID", billingKey)
            .containsEntry("PCD_PAY_TOTAL", "5000");
        assertThat(lookup(form.get("PCD_PAY_OID"))).containsEntry("PCD_PAY_CODE", "PCHK000")
            .containsEntry("PCD_PAYER_ID", billingKey);
        // The window is done; the password does not charge it twice.
        assertThat(result(typePassword(windowId, PASSWORD))).containsEntry("PCD_PAY_CODE", "CPCA0201");
    }

    @Test
    void fiveWrongPasswordsLockTheKeyEvenWhenGuessedInParallel() throws Exception {
        String billingKey = registerCardWithPassword();
        String windowId = find(PASSWORD_FORM, open(repayment("card", "PAY", "5000", billingKey)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> guesses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            guesses.add(() -> typePassword(windowId, WRONG));
        }
        int askedAgain = 0;
        int locked = 0;
        for (Future<String> page : pool.invokeAll(guesses)) {
            askedAgain += page.get().contains("번 더 틀리면") ? 1 : 0;
            locked += page.get().contains("5회 잘못 입력") ? 1 : 0;
            assertThat(result(page.get())).doesNotContainEntry("PCD_PAY_RST", "success");
        }
        pool.shutdown();
        // The tries are counted one at a time: four are asked again, the fifth locks and
        // ends the window, and later ones find it locked or ended.
        assertThat(askedAgain).isEqualTo(4);
        assertThat(locked).isGreaterThanOrEqualTo(1);
        Map<String, String> later = result(open(repayment("card", "PAY", "5000", billingKey)));
        assertThat(later).containsEntry("PCD_PAY_RST", "error").containsEntry("PCD_PAY_CODE", "CPCA0004");
        assertThat(later.get("PCD_PAY_MSG")).contains("5회 잘못 입력");
    }

    @Test
    void certRepaymentIsChargedAtConfirmation() throws Exception {
        String billingKey = registerCardWithPassword();
        Map<String, String> form = repayment("card", "CERT", "7000", billingKey);
        Map<String, String> result = result(typePassword(find(PASSWORD_FORM, open(form)), PASSWORD));
        assertThat(result).containsEntry("PCD_PAY_RST", "success").containsEntry("PCD_PAYER_ID", billingKey);
        assertThat(lookup(form.get("PCD_PAY_OID"))).containsEntry("PCD_PAY_CODE", "CBIL0003");
        Map<String, String> confirm = Map.of("PCD_CST_ID", "test", "PCD_CUST_KEY", "abcd1234567890", "PCD_AUTH_KEY",
                result.get("PCD_AUTH_KEY"), "PCD_PAY_REQKEY", result.get("PCD_PAY_REQKEY"), "PCD_PAYER_ID", billingKey);
        assertThat(this.payple.post(result.get("PCD_PAY_COFURL"), confirm)).containsEntry("PCD_PAY_CODE", "PCCF0000")
            .containsEntry("PCD_PAY_TOTAL", "7000");
    }

    @Test
    void anAccountRegisteredWithAPasswordIsChargedByIt() throws Exception {
        String windowId = find(ACCOUNT_FORM, open(form("transfer", "AUTH", null)));
        String ars = post(this.payple.baseUrl() + "/window/" + windowId + "/account", Map.of("bank", "011",
                "accountNumber", "46012345678121", "holderType", "personal", "birth", "851231", "agree", "Y"), null);
        assertThat(ars).contains("name=\"passwordConfirm\"");
        String code = find(REQUEST_NUMBER, ars);
        String again = post(this.payple.baseUrl() + "/window/" + windowId + "/ars",
                Map.of("code", code, "password", PASSWORD, "passwordConfirm", WRONG), null);
        assertThat(again).contains("확인이 일치하지 않습니다").contains(code);
        Map<String, String> registered = result(post(this.payple.baseUrl() + "/window/" + windowId + "/ars",
                Map.of("code", code, "password", PASSWORD, "passwordConfirm", PASSWORD), null));
        assertThat(registered).containsEntry("PCD_PAY_RST", "success").containsEntry("PCD_PAY_TYPE", "transfer");

        Map<String, String> form = repayment("transfer", "PAY", "12000", registered.get("PCD_PAYER_ID"));
        Map<String, String> paid = result(typePassword(find(PASSWORD_FORM, open(form)), PASSWORD));
        assertThat(paid).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_TYPE", "transfer")
            .containsEntry("PCD_PAY_BANKNUM", "460-********-121");
        assertThat(lookup(form.get("PCD_PAY_OID"))).containsEntry("PCD_PAY_CODE", "PCHK000");
    }

    @Test
    void keysThatCannotBeRepaidByPasswordAreRefusedAtOpening() throws Exception {
        String withoutPassword = this.payple.registerCard(PaypleTestClient.CARD);
        Map<String, String> noPassword = result(open(repayment("card", "PAY", "5000", withoutPassword)));
        assertThat(noPassword).containsEntry("PCD_PAY_CODE", "CPCA0003");
        assertThat(noPassword.get("PCD_PAY_MSG")).contains("비밀번호가 등록되지 않은");

        assertThat(result(open(repayment("card", "PAY", "5000", "no-such-key")))).containsEntry("PCD_PAY_CODE",
                "CPCA0003");
        String billingKey = registerCardWithPassword();
        assertThat(result(open(repayment("transfer", "PAY", "5000", billingKey)))).containsEntry("PCD_PAY_CODE",
                "CPCA9997");
        assertThat(result(open(repayment("card", "AUTH", null, billingKey)))).containsEntry("PCD_PAY_CODE", "CPCA9997");
        assertThat(this.payple.call(Map.of("PCD_PAY_WORK", "PUSERDEL"), Map.of("PCD_PAYER_ID", billingKey)))
            .containsEntry("PCD_PAY_RST", "success");
        assertThat(result(open(repayment("card", "PAY", "5000", billingKey)))).containsEntry("PCD_PAY_CODE",
                "CPCA0002");
    }

}
