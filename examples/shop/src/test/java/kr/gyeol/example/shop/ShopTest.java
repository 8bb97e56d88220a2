package kr.gyeol.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.util.function.Supplier;

import kr.gyeol.client.BillingKey;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.Payer;
import kr.gyeol.client.webhook.WebhookEvent;
import kr.gyeol.junit.Fault;
import kr.gyeol.junit.Gyeol;
import kr.gyeol.junit.GyeolClock;
import kr.gyeol.junit.GyeolSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop's own tests, on its own Spring Boot 3, against Gyeol through gyeol-junit only:
 * one test-mode partner for this Spring context, its webhooks forwarded to the shop's
 * receiver, faults armed where a test needs the network to misbehave.
 */
// Tomcat's work folder under target/, not the temporary folder, which it would leave
// behind.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.basedir=target/tomcat")
class ShopTest {

    /** The partner this context is configured with (one context, so one partner). */
    static final Gyeol gyeol = GyeolSandbox.get().newPartner();

    @DynamicPropertySource
    static void payple(DynamicPropertyRegistry registry) {
        gyeol.properties("payple").forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Checkout checkout;

    @Autowired
    Orders orders;

    @Autowired
    Memberships memberships;

    @BeforeEach
    void receiveWebhooks() {
        gyeol.inbox().forwardTo("http://localhost:" + this.port + "/payple/webhook");
    }

    @AfterEach
    void disarm() {
        gyeol.disarmAll();
    }

    private String savedCard() {
        BillingKey key = this.checkout.payple()
            .billingKeys()
            .registerCard(new CardRegistration(new Payer("c1", "홍길동", "01012345678", "buyer@example.com"), "900101",
                    "4242424242424242", "30", "12", "12"));
        return key.id();
    }

    private Order pay(String orderId, String billingKey) {
        return this.rest.postForObject("/orders/{id}/pay?billingKey={key}&amount=15000", null, Order.class, orderId,
                billingKey);
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aSavedCardIsChargedTheOrderPaidAndShippedOnce() throws Exception {
        String orderId = "order-" + System.nanoTime();
        assertThat(pay(orderId, savedCard()).status()).isEqualTo(Order.Status.PAID);
        gyeol.inbox()
            .await(WebhookEvent.PaymentResult.class, (paid) -> orderId.equals(paid.orderId()), Duration.ofSeconds(30));
        assertThat(this.orders.shipments(orderId)).isEqualTo(1);
    }

    @Test
    void aDeclinedCardLeavesTheOrderDeclinedAndUnshipped() {
        String card = savedCard();
        gyeol.arm(Fault.decline("INSUFFICIENT_FUNDS").forBillingKey(card));
        String orderId = "order-" + System.nanoTime();
        assertThat(pay(orderId, card).status()).isEqualTo(Order.Status.DECLINED);
        assertThat(this.orders.shipments(orderId)).isZero();
    }

    @Test
    void aTimeoutIsNeverChargedAgainAndTheWebhookSettlesIt() throws Exception {
        String card = savedCard();
        gyeol.arm(Fault.timeoutThenApprove());
        String orderId = "order-" + System.nanoTime();
        assertThat(pay(orderId, card).status()).isEqualTo(Order.Status.PAYMENT_UNKNOWN);

        gyeol.settleNow();
        eventually(() -> this.orders.find(orderId).orElseThrow().status() == Order.Status.PAID);
        assertThat(this.orders.shipments(orderId)).isEqualTo(1);
    }

    @Test
    void aWebhookDeliveredTwiceShipsOnce() throws Exception {
        String orderId = "order-" + System.nanoTime();
        pay(orderId, savedCard());
        gyeol.inbox()
            .await(WebhookEvent.PaymentResult.class, (paid) -> orderId.equals(paid.orderId()), Duration.ofSeconds(30));
        String webhookId = gyeol.inbox()
            .deliveries()
            .stream()
            .filter((delivery) -> delivery.body().contains(orderId))
            .findFirst()
            .orElseThrow()
            .id();

        gyeol.redeliver(webhookId);
        eventually(() -> gyeol.inbox()
            .deliveries()
            .stream()
            .filter((delivery) -> webhookId.equals(delivery.id()))
            .count() == 2);
        assertThat(gyeol.inbox().deliveries()).filteredOn((delivery) -> webhookId.equals(delivery.id()))
            .allMatch((delivery) -> delivery.verified() && Integer.valueOf(200).equals(delivery.forwardedStatus()));
        assertThat(this.orders.shipments(orderId)).isEqualTo(1);
    }

    @Test
    void aMembershipRenewsEachMonthAndFallsPastDueWhenTheCardIsDeclined() throws Exception {
        String card = savedCard();
        GyeolClock clock = gyeol.newTestClock();
        Membership joined = this.rest.postForObject("/memberships?billingKey={key}&testClock={clock}", null,
                Membership.class, card, clock.id());
        assertThat(joined.status()).isEqualTo("ACTIVE");
        assertThat(joined.paidPeriods()).isEqualTo(1);

        clock.advance(Period.ofMonths(1));
        eventually(() -> this.memberships.find(joined.id()).orElseThrow().paidPeriods() == 2);

        gyeol.arm(Fault.decline("INSUFFICIENT_FUNDS").forBillingKey(card));
        clock.advance(Period.ofMonths(1));
        eventually(() -> "PAST_DUE".equals(this.memberships.find(joined.id()).orElseThrow().status()));
        assertThat(this.rest.getForObject("/memberships/{id}", Membership.class, joined.id()).paidPeriods())
            .isEqualTo(2);
    }

    @Test
    void theShopsClassPathHoldsNoneOfTheGatewaysClassesNorItsJackson() {
        ClassLoader shop = getClass().getClassLoader();
        assertThat(shop.getResource("kr/gyeol/GyeolApplication.class")).isNull();
        assertThat(shop.getResource("kr/gyeol/payment/PaymentService.class")).isNull();
        assertThat(shop.getResource("tools/jackson/databind/ObjectMapper.class")).as("Jackson 3").isNull();
        assertThat(org.springframework.boot.SpringBootVersion.getVersion()).startsWith("3.");
    }

    @Test
    void aPaidOrderIsRefunded() {
        String orderId = "order-" + System.nanoTime();
        pay(orderId, savedCard());
        assertThat(this.rest.postForObject("/orders/{id}/refund", null, Order.class, orderId).status())
            .isEqualTo(Order.Status.REFUNDED);
    }

}
