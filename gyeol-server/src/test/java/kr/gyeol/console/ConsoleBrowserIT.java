package kr.gyeol.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import kr.gyeol.support.Browser;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium as a partner uses it: sign in, the dashboard's chart,
 * a search, a payment's page, a partial refund with its confirmation, a webhook sent
 * again, the English pages, and a phone-sized window that never scrolls sideways.
 */
class ConsoleBrowserIT extends GatewayTest {

    private Browser chromium;

    private WebDriver browser;

    @AfterEach
    void quit() throws Exception {
        if (this.chromium != null) {
            this.chromium.close();
        }
    }

    private WebDriver open(int width) throws Exception {
        this.chromium = Browser.start(null, width);
        this.browser = this.chromium.driver();
        return this.browser;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(this.browser, Duration.ofSeconds(20));
    }

    private void signIn() {
        this.browser.get(this.payple.baseUrl() + "/console/payments");
        waiting().until(ExpectedConditions.urlContains("/console/login"));
        this.browser.findElement(By.id("cst_id")).sendKeys("test");
        this.browser.findElement(By.id("key")).sendKeys(PaypleTestClient.SECRET, Keys.ENTER);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("total-payments")));
    }

    @Test
    void aPartnerSignsInFindsAPaymentRefundsPartOfItAndSendsAWebhookAgain() throws Exception {
        // A receiver, so the charge writes a webhook event (the tests deliver none).
        java.net.http.HttpResponse<String> receiver = java.net.http.HttpClient.newHttpClient()
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.payple.baseUrl() + "/admin/webhooks"))
                .header("Authorization", PaypleTestClient.BASIC)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers
                    .ofString("{\"resultUrl\":\"http://127.0.0.1:9/hook\",\"format\":\"JSON\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(receiver.statusCode()).isEqualTo(200);
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("browser");
        assertThat(this.payple.chargeCard(key, orderId, 12_000)).containsEntry("PCD_PAY_RST", "success");

        open(1280);
        signIn();
        // The dashboard's chart is drawn by uPlot, served by the gateway itself.
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#volume-chart .uplot")));
        assertThat(this.browser.findElement(By.id("total-payments")).getText()).isNotEqualTo("0");
        // The time axis speaks Korean and Korean time in a browser whose zone is not
        // Korea's: the last day's label is the last row of the table, as "12월 7일".
        assertThat(java.util.TimeZone.getDefault().getRawOffset()).as("a zone other than Korea's")
            .isNotEqualTo(9 * 3600 * 1000);
        java.time.LocalDate lastDay = java.time.LocalDate
            .parse(this.browser.findElement(By.cssSelector("#days tbody tr:last-child td")).getText());
        var script = (org.openqa.selenium.JavascriptExecutor) this.browser;
        assertThat(script.executeScript(
                "var u = document.getElementById('volume-chart').chart; return u.axes[0].values(u, [u.data[0][u.data[0].length - 1]])[0];"))
            .isEqualTo(lastDay.getMonthValue() + "월 " + lastDay.getDayOfMonth() + "일");
        // Amounts on the right axis are compact Korean numbers (12,000 reads "1.2만"), and
        // the axis is wide enough for its largest label.
        assertThat(script.executeScript(
                "var u = document.getElementById('volume-chart').chart;" + " return u.axes[2].values(u, [12000])[0];"))
            .isEqualTo("1.2만");
        assertThat((String) script.executeScript("var u = document.getElementById('volume-chart').chart;"
                + " return u.axes[2].values(u, [Math.max.apply(null, u.data[2])])[0];"))
            .matches("[0-9]+(\\.[0-9])?(천|만|억)?");
        Number room = (Number) script.executeScript("var u = document.getElementById('volume-chart').chart;"
                + " var a = u.axes[2]; var label = a.values(u, [Math.max.apply(null, u.data[2])])[0];"
                + " var text = document.createElement('canvas').getContext('2d'); text.font = a.font[0];"
                + " return a._size - a.gap - a.ticks.size - text.measureText(label).width;");
        assertThat(room.doubleValue()).as("room left beside the right axis's widest label").isPositive();

        this.browser.findElement(By.linkText("결제")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("payments")));
        this.browser.findElement(By.name("orderId")).sendKeys(orderId, Keys.ENTER);
        // The unfiltered list may already show the payment: wait for the search's own
        // page,
        // or the link found is the old page's and goes stale when the search lands.
        waiting().until(ExpectedConditions.urlContains("orderId=" + orderId));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText(orderId))).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("payment-status")));
        assertThat(this.browser.findElement(By.id("payment-status")).getText()).isEqualTo("승인");
        assertThat(this.browser.findElement(By.id("refundable")).getText()).isEqualTo("12,000 KRW");

        var amount = this.browser.findElement(By.id("refund-amount"));
        amount.clear();
        amount.sendKeys("2000");
        // Without the confirmation the browser does not send the form.
        this.browser.findElement(By.id("refund-button")).click();
        assertThat(this.browser.getCurrentUrl()).doesNotContain("done=refunded");
        this.browser.findElement(By.name("confirm")).click();
        this.browser.findElement(By.id("refund-button")).click();
        waiting().until(ExpectedConditions.urlContains("done=refunded"));
        assertThat(this.browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("환불 요청을 처리했습니다.");
        assertThat(this.browser.findElement(By.id("refunds")).getText()).contains("환불 완료").contains("2,000 KRW");
        assertThat(this.browser.findElement(By.id("refundable")).getText()).isEqualTo("10,000 KRW");

        this.browser.findElement(By.linkText("웹훅")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("events")));
        this.browser.findElement(By.cssSelector("#events tbody tr button")).click();
        waiting().until(ExpectedConditions.urlContains("done=replayed"));
        assertThat(this.browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("웹훅을 다시 보내도록 예약했습니다.");

        this.browser.findElement(By.linkText("설정")).click();
        var resultUrl = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("result-url")));
        resultUrl.clear();
        resultUrl.sendKeys("http://127.0.0.1:9/browser-hook");
        this.browser.findElement(By.cssSelector("#webhook-settings button")).click();
        waiting().until(ExpectedConditions.urlContains("done=saved"));
        assertThat(this.browser.findElement(By.id("result-url")).getDomProperty("value"))
            .isEqualTo("http://127.0.0.1:9/browser-hook");
        this.browser.findElement(By.cssSelector("#secret-rotation input[type=checkbox]")).click();
        this.browser.findElement(By.id("rotate-secret")).click();
        assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("new-secret"))).getText())
            .startsWith("whsec_");
        // The hourly chart is there too.
        this.browser.findElement(By.linkText("대시보드")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hourly-chart .uplot")));

        this.browser.findElement(By.cssSelector("a.lang")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText("Payments")));
        assertThat(this.browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        this.browser.findElement(By.cssSelector("form.inline button")).click();
        waiting().until(ExpectedConditions.urlContains("/console/login"));
    }

    @Test
    void atPhoneWidthNothingScrollsSidewaysAndTheKeyboardReachesTheContent() throws Exception {
        open(375);
        signIn();
        this.browser.get(this.payple.baseUrl() + "/console/payments?from=2000-01-01");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("payments")));
        JavascriptExecutor script = (JavascriptExecutor) this.browser;
        Number page = (Number) script.executeScript("return document.documentElement.scrollWidth");
        Number window = (Number) script.executeScript("return window.innerWidth");
        assertThat(page.intValue()).as("page width at a 375 px window").isLessThanOrEqualTo(window.intValue());
        // The first Tab reaches the skip link, which leads to the content.
        this.browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(this.browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
    }

}
