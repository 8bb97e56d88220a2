package kr.gyeol.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import kr.gyeol.support.Browser;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The payment window in a real headless Chromium, opened by the SDK from a shop page on
 * another origin: layer (desktop), popup (mobile), direct, the callback variant, the
 * close button, a declined card, and each way a page authenticates.
 */
class WindowBrowserIT extends GatewayTest {

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    private WebDriver browser;

    private Browser chromium;

    private WebDriver start(String userAgent, int width) throws Exception {
        this.chromium = Browser.start(userAgent, width);
        this.browser = this.chromium.driver();
        return this.browser;
    }

    /**
     * No page of the gateway wrote an error to the console; the browser and its profile
     * are gone afterwards.
     */
    @AfterEach
    void quit() throws IOException {
        if (this.chromium != null) {
            this.chromium.close();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(this.browser, Duration.ofSeconds(20));
    }

    private void openShop(String query) {
        this.browser.get("http://localhost:" + this.port + "/test-shop/order?" + query);
        this.browser.findElement(By.id("pay")).click();
    }

    private void fillCard(String cardNumber) {
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cardNumber")));
        this.browser.findElement(By.id("cardNumber")).sendKeys(cardNumber);
        this.browser.findElement(By.id("expiryMonth")).sendKeys("12");
        this.browser.findElement(By.id("expiryYear")).sendKeys("30");
        this.browser.findElement(By.id("birth")).sendKeys(PaypleTestClient.BIRTH);
        this.browser.findElement(By.id("pin")).sendKeys("12");
        this.browser.findElement(By.name("agree")).click();
        this.browser.findElement(By.cssSelector("button.submit")).click();
    }

    private String shopResult(String field) {
        waiting().until(ExpectedConditions.urlContains("/test-shop/result"));
        return this.browser.findElement(By.id(field)).getText();
    }

    private void inLayer() {
        waiting().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("cpay_ifr"));
    }

    @Test
    void layerPaymentOnDesktopPostsTheResultToTheShop() throws Exception {
        start(null, 1280);
        openShop("style=authkey&work=PAY");
        inLayer();
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_CODE")).getText()).isEqualTo("0000");
        assertThat(this.browser.findElement(By.id("PCD_PAY_CARDNUM")).getText()).isEqualTo("4242-****-****-4242");
        assertThat(this.browser.findElement(By.id("PCD_PAY_TIME")).getText()).matches("[0-9]{14}");
        assertThat(this.browser.getCurrentUrl()).startsWith("http://localhost:" + this.port + "/test-shop/result");
    }

    @Test
    void theCardFormCatchesTyposAsTheCustomerTypes() throws Exception {
        start(null, 1280);
        openShop("style=authkey&work=PAY");
        inLayer();
        org.openqa.selenium.WebElement number = waiting()
            .until(ExpectedConditions.presenceOfElementLocated(By.id("cardNumber")));
        number.sendKeys("4242424242424241");
        assertThat(number.getAttribute("value")).as("grouped by four").isEqualTo("4242 4242 4242 4241");
        this.browser.findElement(By.id("expiryMonth")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cardNumber-error"))).getText())
            .isEqualTo("카드번호를 다시 확인해 주세요.");
        number.sendKeys(org.openqa.selenium.Keys.BACK_SPACE, "2");
        this.browser.findElement(By.id("expiryMonth")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("cardNumber-error")));
        // A past expiry is refused in the page; the window stays open.
        this.browser.findElement(By.id("expiryMonth")).sendKeys("01");
        this.browser.findElement(By.id("expiryYear")).sendKeys("20");
        this.browser.findElement(By.id("birth")).sendKeys(PaypleTestClient.BIRTH);
        this.browser.findElement(By.id("pin")).sendKeys("12");
        this.browser.findElement(By.name("agree")).click();
        this.browser.findElement(By.cssSelector("button.submit")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("expiryYear-error"))).getText())
            .contains("유효기간");
        assertThat(this.browser.findElements(By.id("cardNumber"))).hasSize(1);
    }

    @Test
    void aPageWithTheAuthKeyAlonePays() throws Exception {
        start(null, 1280);
        openShop("style=authkeyonly&work=PAY");
        inLayer();
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_WORK")).getText()).isEqualTo("PAY");
    }

    @Test
    void aBareAuthFileIsLookedUpUnderPaypleDirPathAndAnAccountPays() throws Exception {
        start(null, 1280);
        openShop("style=dirpath&work=PAY&type=transfer&total=5000");
        inLayer();
        fillAccount(null);
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_TYPE")).getText()).isEqualTo("transfer");
        assertThat(this.browser.findElement(By.id("PCD_PAY_TOTAL")).getText()).isEqualTo("5000");
        assertThat(this.browser.findElement(By.id("PCD_PAY_BANKNUM")).getText()).isEqualTo("460-********-121");
        assertThat(this.browser.findElement(By.id("PCD_PAY_MSG")).getText()).isEqualTo("출금이체완료");
    }

    @Test
    void aBareAuthFileWithoutPaypleDirPathIsLookedUpInCPayPayple() throws Exception {
        // payple_auth_file 'auth', no payple_dir_path: Payple's script posts to
        // /cPayPayple/auth.
        start(null, 1280);
        openShop("style=barefile&work=PAY");
        inLayer();
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_MSG")).getText()).isEqualTo("카드승인완료");
    }

    @Test
    void anEmptyAuthFileIsPaypleSDefaultAuthPage() throws Exception {
        // An empty payple_auth_file: /cPayPayple/payple_payAuth.html.
        start(null, 1280);
        openShop("style=emptyfile&work=PAY");
        inLayer();
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
    }

    @Test
    void a100PageWithoutAVersionCompletesThroughItsRelay() throws Exception {
        // Payple documents 1.0.0 as the version of a page that names none.
        start(null, 1280);
        this.browser.get("http://localhost:" + this.port + "/test-shop/vendored-1.0.0-unversioned");
        this.browser.findElement(By.id("pay")).click();
        inLayer();
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_OID")).getText()).startsWith("vendored-");
        assertThat(this.browser.getCurrentUrl()).startsWith("http://localhost:" + this.port + "/test-shop/result");
    }

    @Test
    void aVendored100PageCompletesThroughItsRelay() throws Exception {
        // Its own 1.0.0-style script and cPayPayple relay, only the hosts changed: the
        // result page hands the result to the relay, which calls PaypleCpayPayResult().
        start(null, 1280);
        this.browser.get("http://localhost:" + this.port + "/test-shop/vendored-1.0.0");
        this.browser.findElement(By.id("pay")).click();
        inLayer();
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_CODE")).getText()).isEqualTo("0000");
        assertThat(this.browser.findElement(By.id("PCD_PAY_TOTAL")).getText()).isEqualTo("1000");
        assertThat(this.browser.findElement(By.id("PCD_PAY_OID")).getText()).startsWith("vendored-");
        assertThat(this.browser.getCurrentUrl()).startsWith("http://localhost:" + this.port + "/test-shop/result");
    }

    @Test
    void callbackReceivesTheResultInThePage() throws Exception {
        start(null, 1280);
        openShop("style=authkey&work=AUTH&result=callback");
        inLayer();
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.textMatches(By.id("callback"), java.util.regex.Pattern.compile(".+")));
        assertThat(this.browser.findElement(By.id("callback")).getText()).contains("\"PCD_PAY_RST\":\"success\"")
            .contains("\"PCD_PAY_WORK\":\"AUTH\"");
        assertThat(this.browser.findElement(By.id("layer_cpay")).isDisplayed()).isFalse();
    }

    @Test
    void callbackWithoutResultUrlReceivesTheResultFromTheShopsOrigin() throws Exception {
        start(null, 1280);
        openShop("style=authkey&work=AUTH&result=callbackonly");
        inLayer();
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.textMatches(By.id("callback"), java.util.regex.Pattern.compile(".+")));
        assertThat(this.browser.findElement(By.id("callback")).getText()).contains("\"PCD_PAY_RST\":\"success\"");
    }

    @Test
    void closeButtonDeliversClose() throws Exception {
        start(null, 1280);
        openShop("style=clientKey&work=PAY&sdk=v1");
        inLayer();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.close"))).click();
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("close");
    }

    @Test
    void declinedCardDeliversTheCardCompanysMessage() throws Exception {
        start(null, 1280);
        openShop("style=authfile&work=PAY");
        inLayer();
        fillCard("4000000000009995");
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("error");
        assertThat(this.browser.findElement(By.id("PCD_PAY_MSG")).getText())
            .isEqualTo("[Test] [CPCA9999] 3133 - 잔액이 부족합니다.");
    }

    @Test
    void directModeNavigatesAndPostsItself() throws Exception {
        start(null, 1280);
        openShop("style=authurl&work=PAY&result=absolute&sdk=1.0.0");
        fillCard(PaypleTestClient.CARD);
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
    }

    @Test
    void popupOnMobileHandsTheResultToItsOpener() throws Exception {
        start(IPHONE, 375);
        openShop("style=authkey&work=CERT");
        String shop = this.browser.getWindowHandle();
        waiting().until((driver) -> driver.getWindowHandles().size() == 2);
        for (String handle : this.browser.getWindowHandles()) {
            if (!handle.equals(shop)) {
                this.browser.switchTo().window(handle);
            }
        }
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().window(shop);
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_REQKEY")).getText()).isNotEmpty();
        waiting().until((driver) -> driver.getWindowHandles().size() == 1);
    }

    /**
     * Presses a button that loads a new page: only once the current page has finished
     * loading, and returns once the next one has.
     */
    private void click(String id) {
        loaded();
        org.openqa.selenium.WebElement page = this.browser.findElement(By.tagName("html"));
        this.browser.findElement(By.id(id)).click();
        waiting().until((driver) -> {
            try {
                page.isEnabled();
                return false;
            }
            catch (org.openqa.selenium.WebDriverException gone) {
                // Stale, or (when the check races the navigation) "does not belong to the
                // document": either way the old page is gone.
                return true;
            }
        });
        loaded();
    }

    private void loaded() {
        waiting().until((driver) -> "complete"
            .equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    private String demoStatus() {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("status"))).getText();
    }

    /**
     * Opens the demo shop and presses the button {@code selector} names; the window's
     * layer.
     */
    private void openDemo(String selector) {
        this.browser.get("http://localhost:" + this.port + "/demo");
        this.browser.findElement(By.cssSelector(selector)).click();
        inLayer();
    }

    @Test
    void demoShopWalksThroughCardAndAccountFlows() throws Exception {
        start(null, 1280);
        // Card: pay in the window, then refund part, look it up, and revoke the card over
        // REST.
        openDemo("button[data-type=card][data-work=PAY]");
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        assertThat(demoStatus()).isEqualTo("success");
        // The result's fields in one order: the outcome, its code and message first, the
        // rest by name.
        List<String> fields = this.browser.findElements(By.cssSelector(".rows th[scope=row]"))
            .stream()
            .map(org.openqa.selenium.WebElement::getText)
            .toList();
        assertThat(fields).startsWith("PCD_PAY_RST", "PCD_PAY_CODE", "PCD_PAY_MSG");
        List<String> rest = fields.subList(fields.indexOf("PCD_PAY_MSG") + 1, fields.size())
            .stream()
            .filter((name) -> !List.of("PCD_PAY_WORK", "PCD_PAY_TYPE", "PCD_PAY_OID", "PCD_PAY_TOTAL", "PCD_PAYER_ID")
                .contains(name))
            .toList();
        assertThat(rest).isSorted();
        // The shop's server side is gyeol-client: its pages show the client's records.
        click("action-refund");
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("amount")).getText()).isEqualTo("3000");
        click("action-lookup");
        assertThat(this.browser.findElement(By.id("code")).getText()).isEqualTo("PCHK000");
        click("action-charge");
        assertThat(this.browser.findElement(By.id("code")).getText()).isEqualTo("SPCD0000");
        click("action-revoke");
        assertThat(this.browser.findElement(By.id("revoked")).getText()).isEqualTo("true");

        // Card CERT: authenticated in the window, charged when the shop's server
        // confirms.
        openDemo("button[data-type=card][data-work=CERT]");
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        click("action-confirm");
        assertThat(this.browser.findElement(By.id("code")).getText()).isEqualTo("PCCF0000");

        // Bank account: registered with the ARS step, then charged over REST.
        openDemo("button[data-type=transfer][data-work=AUTH]");
        fillAccount(null);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        assertThat(this.browser.findElement(By.id("PCD_PAY_BANKNUM")).getText()).isEqualTo("460-********-121");
        click("action-charge");
        assertThat(this.browser.findElement(By.id("code")).getText()).isEqualTo("SPAY0000");

        // App card: approved in the simulated card-company app, no billing key; refunded
        // over REST.
        openDemo("button[data-card-ver='02'][data-work=PAY]");
        approveInApp("0500", "0", "sim-app-approve");
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_CARDNAME")).getText()).isEqualTo("현대카드");
        assertThat(this.browser.findElements(By.id("action-charge"))).isEmpty();
        click("action-refund");
        assertThat(this.browser.findElement(By.id("amount")).getText()).isEqualTo("3000");

        // A card registered with a payment password, then paid with the password alone.
        openDemo("button[data-simple][data-type=card]");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys("135790");
        this.browser.findElement(By.id("passwordConfirm")).sendKeys("135790");
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        loaded();
        this.browser.findElement(By.id("password-pay")).click();
        inLayer();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password")))
            .sendKeys("135790" + org.openqa.selenium.Keys.ENTER);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("PCD_PAY_TOTAL")));
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_TOTAL")).getText()).isEqualTo("12000");
    }

    /** The demo's other buttons, each pressed once, with the steps each offers next. */
    @Test
    void demoShopsOtherButtons() throws Exception {
        start(null, 1280);
        // A card registration offers the key's steps, not a cancel of a payment it did
        // not make.
        openDemo("button[data-type=card][data-work=AUTH]:not([data-simple])");
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElements(By.id("action-refund"))).isEmpty();
        click("action-info");
        assertThat(this.browser.findElement(By.id("maskedCardNumber")).getText()).isEqualTo("4242-****-****-4242");

        // An account paid at once in the window, then partly refunded.
        openDemo("button[data-type=transfer][data-work=PAY]");
        fillAccount(null);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_TOTAL")).getText()).isEqualTo("15000");
        click("action-refund");
        assertThat(this.browser.findElement(By.id("amount")).getText()).isEqualTo("3000");

        // Account CERT: approved once; the approval is not offered again.
        openDemo("button[data-type=transfer][data-work=CERT]");
        fillAccount(null);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        assertThat(this.browser.findElements(By.id("action-refund"))).as("not paid before its approval").isEmpty();
        click("action-confirm");
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElements(By.id("action-confirm"))).isEmpty();
        assertThat(this.browser.findElements(By.id("action-refund"))).hasSize(1);

        // App-card CERT: no billing key, approved by the shop's server.
        openDemo("button[data-card-ver='02'][data-work=CERT]");
        approveInApp("0500", "0", "sim-app-approve");
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        click("action-confirm");
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("code")).getText()).isEqualTo("PCCF0000");

        // Kakao Pay with installments.
        openDemo("button[data-method=kakaoPay]");
        approveInApp("kakaoPay", "3", "sim-app-approve");
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_TOTAL")).getText()).isEqualTo("60000");

        // An account registered with a payment password offers the password payment.
        openDemo("button[data-simple][data-type=transfer]");
        fillAccount("246802");
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElements(By.id("password-pay"))).hasSize(1);
    }

    /**
     * The demo's subscription flow: a card registered in the window is subscribed on a
     * test clock, the clock moved a month shows the renewal; a card without funds shows
     * the failed renewal, its retries and the end of dunning.
     */
    @Test
    void demoShopSubscribesACardAndShowsRenewalsAndDunningOnItsTestClock() throws Exception {
        start(null, 1280);
        openDemo("#subscribe-card");
        fillCard(PaypleTestClient.CARD);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        click("action-subscribe");
        assertThat(demoStatus()).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("subscriptionStatus")).getText()).isEqualTo("ACTIVE");
        assertThat(this.browser.findElements(By.cssSelector("tr.invoice-PAID"))).hasSize(1);
        click("action-advance");
        assertThat(this.browser.findElement(By.id("subscriptionStatus")).getText()).isEqualTo("ACTIVE");
        assertThat(this.browser.findElement(By.id("periodNumber")).getText()).isEqualTo("1");
        assertThat(this.browser.findElements(By.cssSelector("tr.invoice-PAID"))).hasSize(2);
        assertThat(this.browser.findElement(By.id("events")).getText()).contains("SUBSCRIPTION_CREATED",
                "SUBSCRIPTION_RENEWED");
        click("action-unsubscribe");
        assertThat(this.browser.findElement(By.id("subscriptionStatus")).getText()).isEqualTo("CANCELED");
        assertThat(this.browser.findElements(By.id("action-advance"))).isEmpty();

        openDemo("#subscribe-card");
        fillCard("4000000000009995");
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.urlContains("/demo/result"));
        click("action-subscribe");
        assertThat(demoStatus()).isEqualTo("error");
        assertThat(this.browser.findElement(By.id("subscriptionStatus")).getText()).isEqualTo("PAST_DUE");
        click("action-advance");
        assertThat(this.browser.findElement(By.id("subscriptionStatus")).getText()).isEqualTo("UNPAID");
        String attempts = this.browser.findElement(By.cssSelector("tr.invoice-UNCOLLECTIBLE")).getText();
        assertThat(attempts.split("INSUFFICIENT_FUNDS", -1)).hasSize(6);
        assertThat(this.browser.findElement(By.id("events")).getText()).contains("SUBSCRIPTION_PAST_DUE",
                "SUBSCRIPTION_UNPAID");
    }

    private void switchToPopup(String shop) {
        waiting().until((driver) -> driver.getWindowHandles().size() == 2);
        for (String handle : this.browser.getWindowHandles()) {
            if (!handle.equals(shop)) {
                this.browser.switchTo().window(handle);
            }
        }
    }

    /** Registers the account in the window: bank form, then the simulated ARS call. */
    private void fillAccount(String password) {
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("accountNumber"))).sendKeys("46012345678121");
        // No bank is chosen for the customer.
        new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("bank"))).selectByValue("011");
        this.browser.findElement(By.id("birth")).sendKeys("851231");
        this.browser.findElement(By.name("agree")).click();
        this.browser.findElement(By.cssSelector("button.submit")).click();
        String number = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("requestNumber"))).getText();
        // The particle after the number follows how its last digit is read (2, 4, 5, 9
        // end
        // in a vowel: 를; the others in a consonant: 을).
        assertThat(this.browser.findElement(By.cssSelector(".ars-number")).getText())
            .contains(number + ("2459".indexOf(number.charAt(number.length() - 1)) >= 0 ? "를" : "을") + " 입력해 주세요.");
        this.browser.findElement(By.id("code")).sendKeys(number);
        if (password != null) {
            this.browser.findElement(By.id("password")).sendKeys(password);
            this.browser.findElement(By.id("passwordConfirm")).sendKeys(password);
        }
        this.browser.findElement(By.cssSelector("button.submit")).click();
    }

    /** Chooses a provider and installments, then approves a card in the simulated app. */
    private void approveInApp(String provider, String installments, String card) {
        waiting()
            .until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("input[name=provider][value='" + provider + "']")))
            .click();
        new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("installments")))
            .selectByValue(installments);
        this.browser.findElement(By.name("agree")).click();
        this.browser.findElement(By.cssSelector("button.submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[value='" + card + "']")))
            .click();
        this.browser.findElement(By.cssSelector("button.submit")).click();
    }

    @Test
    void accountRegistrationInDirectMode() throws Exception {
        start(null, 1280);
        openShop("style=authurl&work=AUTH&type=transfer&result=absolute");
        fillAccount(null);
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_TYPE")).getText()).isEqualTo("transfer");
        assertThat(this.browser.findElement(By.id("PCD_PAY_BANKNUM")).getText()).isEqualTo("460-********-121");
    }

    @Test
    void accountCertInAMobilePopup() throws Exception {
        start(IPHONE, 375);
        openShop("style=authkey&work=CERT&type=transfer&total=5000");
        String shop = this.browser.getWindowHandle();
        switchToPopup(shop);
        fillAccount(null);
        this.browser.switchTo().window(shop);
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_COFURL")).getText()).contains("/php/PayConfirmAct.php");
    }

    @Test
    void accountCertInALayerWithCallback() throws Exception {
        start(null, 1280);
        openShop("style=authfile&work=CERT&type=transfer&total=5000&result=callbackonly");
        inLayer();
        fillAccount(null);
        this.browser.switchTo().defaultContent();
        waiting().until(ExpectedConditions.textMatches(By.id("callback"), java.util.regex.Pattern.compile(".+")));
        assertThat(this.browser.findElement(By.id("callback")).getText()).contains("\"PCD_PAY_RST\":\"success\"")
            .contains("\"PCD_PAY_TYPE\":\"transfer\"");
    }

    @Test
    void appCardWithInstallmentsInALayer() throws Exception {
        start(null, 1280);
        openShop("style=authkey&work=PAY&cardVer=02&method=kakaoPay&total=60000");
        inLayer();
        assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1"))).getText())
            .isEqualTo("카카오페이 결제");
        approveInApp("kakaoPay", "3", "sim-app-approve");
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_CARD_VER")).getText()).isEqualTo("02");
        assertThat(this.browser.findElement(By.id("PCD_PAY_CARDQUOTA")).getText()).isEqualTo("03");
        assertThat(this.browser.findElement(By.id("PCD_EASY_PAY_METHOD")).getText()).isEqualTo("kakaoPay");
        assertThat(this.browser.findElement(By.id("PCD_PAYER_ID")).getText()).isEmpty();
    }

    @Test
    void appCardDeclineInAMobilePopup() throws Exception {
        start(IPHONE, 375);
        openShop("style=clientKey&work=PAY&cardVer=02&sdk=v1");
        String shop = this.browser.getWindowHandle();
        switchToPopup(shop);
        approveInApp("0300", "0", "sim-app-declined");
        this.browser.switchTo().window(shop);
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("error");
        assertThat(this.browser.findElement(By.id("PCD_PAY_MSG")).getText())
            .isEqualTo("[Test] [CPCA9999] 3143 - 카드사 문의 바랍니다.");
    }

    @Test
    void appCardCertInDirectMode() throws Exception {
        start(null, 1280);
        openShop("style=authurl&work=CERT&cardVer=02&result=absolute&sdk=1.0.0");
        approveInApp("0400", "0", "sim-app-approve");
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_REQKEY")).getText()).isNotEmpty();
        assertThat(this.browser.findElement(By.id("PCD_PAY_CARDNAME")).getText()).isEqualTo("신한카드");
    }

    @Test
    void passwordRepaymentAfterRegisteringWithAPassword() throws Exception {
        start(null, 1280);
        openShop("style=authkey&work=AUTH&type=transfer&simple=Y");
        inLayer();
        fillAccount("135790");
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_SIMPLE_FLAG")).getText()).isEqualTo("Y");
        String billingKey = this.browser.findElement(By.id("PCD_PAYER_ID")).getText();

        openShop("style=authkey&work=PAY&type=transfer&simple=Y&total=12000&payerId="
                + java.net.URLEncoder.encode(billingKey, java.nio.charset.StandardCharsets.UTF_8));
        inLayer();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("method")));
        assertThat(this.browser.findElement(By.id("method")).getText()).contains("460-********-121");
        // The field has the focus inside the layer, without the autofocus Chromium blocks
        // there.
        waiting().until((driver) -> "password".equals(
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.activeElement.id")));
        assertThat(this.chromium.console()).noneMatch((message) -> message.contains("Blocked autofocusing"));
        // Enter in the password field pays.
        this.browser.findElement(By.id("password")).sendKeys("135790" + org.openqa.selenium.Keys.ENTER);
        this.browser.switchTo().defaultContent();
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAYER_ID")).getText()).isEqualTo(billingKey);
        assertThat(this.browser.findElement(By.id("PCD_PAY_TOTAL")).getText()).isEqualTo("12000");
        assertThat(this.browser.findElement(By.id("PCD_PAY_MSG")).getText()).isEqualTo("출금이체완료");
    }

    @Test
    void cardPasswordRegisteredDirectlyAndRepaidInAMobilePopup() throws Exception {
        start(IPHONE, 375);
        openShop("style=authurl&work=AUTH&simple=Y&result=absolute");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys("135790");
        this.browser.findElement(By.id("passwordConfirm")).sendKeys("135790");
        fillCard(PaypleTestClient.CARD);
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        String billingKey = this.browser.findElement(By.id("PCD_PAYER_ID")).getText();

        openShop("style=authkey&work=PAY&simple=Y&total=3000&payerId="
                + java.net.URLEncoder.encode(billingKey, java.nio.charset.StandardCharsets.UTF_8));
        String shop = this.browser.getWindowHandle();
        switchToPopup(shop);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys("246801");
        this.browser.findElement(By.cssSelector("button.submit")).click();
        // A wrong password keeps the window open and says so.
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.error")));
        this.browser.findElement(By.id("password")).sendKeys("135790" + org.openqa.selenium.Keys.ENTER);
        this.browser.switchTo().window(shop);
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
        assertThat(this.browser.findElement(By.id("PCD_PAY_TOTAL")).getText()).isEqualTo("3000");
        waiting().until((driver) -> driver.getWindowHandles().size() == 1);
    }

    private void fillGpayCard() {
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cardNumber")))
            .sendKeys(PaypleTestClient.CARD);
        this.browser.findElement(By.id("expiryMonth")).sendKeys("12");
        this.browser.findElement(By.id("expiryYear")).sendKeys("30");
        this.browser.findElement(By.id("securityCode")).sendKeys("123");
        this.browser.findElement(By.cssSelector("button.submit")).click();
    }

    @Test
    void theOverseasWindowInDirectModePostsItsResultToTheShop() throws Exception {
        start(null, 1280);
        this.browser.get("http://localhost:" + this.port + "/test-shop/gpay?direct=Y");
        this.browser.findElement(By.id("pay")).click();
        fillGpayCard();
        assertThat(shopResult("result")).isEqualTo("A0000");
        assertThat(this.browser.findElement(By.id("type")).getText()).isEqualTo("PAYMENT");
        assertThat(this.browser.findElement(By.id("totalAmount")).getText()).isEqualTo("0.10");
        assertThat(this.browser.findElement(By.id("billing_key")).getText()).isNotEmpty();
        assertThat(this.browser.findElement(By.id("card_number")).getText()).isEqualTo("4242-****-****-4242");
    }

    @Test
    void theOverseasWindowOpensAsAPopup() throws Exception {
        start(null, 1280);
        this.browser.get("http://localhost:" + this.port + "/test-shop/gpay");
        String shop = this.browser.getWindowHandle();
        this.browser.findElement(By.id("pay")).click();
        switchToPopup(shop);
        fillGpayCard();
        assertThat(shopResult("result")).isEqualTo("A0000");
        assertThat(this.browser.findElement(By.id("firstName")).getText()).isEqualTo("Gildong");
    }

    /** Presses Tab and returns what has the focus then. */
    private org.openqa.selenium.WebElement tab() {
        this.browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        return this.browser.switchTo().activeElement();
    }

    @Test
    void theCardFormWorksWithTheKeyboardAlone() throws Exception {
        start(null, 1280);
        openShop("style=authurl&work=PAY&result=absolute");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cardNumber")));
        loaded();
        // Tab walks the form in reading order: close, the fields, consent, submit.
        this.browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(this.browser.switchTo().activeElement().getAttribute("class")).isEqualTo("close");
        for (String[] field : new String[][] { { "cardNumber", PaypleTestClient.CARD }, { "expiryMonth", "12" },
                { "expiryYear", "30" }, { "birth", PaypleTestClient.BIRTH }, { "pin", "12" } }) {
            org.openqa.selenium.WebElement focused = tab();
            assertThat(focused.getAttribute("id")).isEqualTo(field[0]);
            focused.sendKeys(field[1]);
        }
        org.openqa.selenium.WebElement consent = tab();
        assertThat(consent.getAttribute("name")).isEqualTo("agree");
        consent.sendKeys(org.openqa.selenium.Keys.SPACE);
        org.openqa.selenium.WebElement submit = tab();
        assertThat(submit.getAttribute("class")).isEqualTo("submit");
        submit.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(shopResult("PCD_PAY_RST")).isEqualTo("success");
    }

}
