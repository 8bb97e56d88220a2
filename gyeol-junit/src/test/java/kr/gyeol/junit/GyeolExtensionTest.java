package kr.gyeol.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import kr.gyeol.client.AuthenticationException;
import kr.gyeol.client.BillingKey;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.InvalidRequestException;
import kr.gyeol.client.OutcomeUnknownException;
import kr.gyeol.client.PayType;
import kr.gyeol.client.RefundRequest;
import kr.gyeol.client.TestPartners;
import kr.gyeol.client.Payer;
import kr.gyeol.client.webhook.WebhookEvent;
import org.junit.jupiter.api.Test;

/**
 * The kit as a shop uses it: the gateway's jar as a process, a partner per test, a client
 * for it, and the partner's webhooks in its inbox, verified.
 */
@GyeolTest
class GyeolExtensionTest {

    /** A test card the simulated network approves (docs/getting-started.md's table). */
    private static final String CARD = "4242424242424242";

    private static final Set<String> PARTNERS = ConcurrentHashMap.newKeySet();

    private static BillingKey registerCard(GyeolClient client) {
        return client.billingKeys()
            .registerCard(new CardRegistration(new Payer("1", "홍길동", "01012345678", "shop@example.com"), "900101", CARD,
                    "30", "12", "12"));
    }

    @Test
    void aTestChargesItsOwnPartnerAndHearsItsWebhook(Gyeol gyeol, GyeolPartner partner) {
        assertThat(PARTNERS.add(partner.cstId())).as("a partner no other test had").isTrue();
        assertThat(gyeol.partner()).isSameAs(partner);
        assertThat(partner.toString()).doesNotContain(partner.custKey());

        GyeolClient client = gyeol.client();
        BillingKey key = registerCard(client);
        String orderId = "kit-" + System.nanoTime();
        ChargeResult result = client.payments()
            .charge(Charge.builder(PayType.CARD, key.id(), "테스트 상품", 1000).orderId(orderId).build());
        assertThat(result).isInstanceOf(ChargeResult.Approved.class);

        WebhookEvent.PaymentResult paid = gyeol.inbox()
            .await(WebhookEvent.PaymentResult.class, (event) -> orderId.equals(event.orderId()),
                    Duration.ofSeconds(30));
        assertThat(paid.approved()).isTrue();
        assertThat(gyeol.inbox().deliveries()).allMatch(Inbox.Delivery::verified);
    }

    @Test
    void anotherTestHasAnotherPartnerThatSeesNothingOfTheFirst(Gyeol gyeol) {
        assertThat(PARTNERS.add(gyeol.partner().cstId())).as("a partner no other test had").isTrue();
        BillingKey key = registerCard(gyeol.client());
        // Another partner of the same gateway cannot charge this partner's key.
        Gyeol stranger = GyeolSandbox.get().newPartner();
        try (stranger) {
            assertThatThrownBy(() -> stranger.client()
                .payments()
                .charge(Charge.builder(PayType.CARD, key.id(), "남의 카드", 1000).build()))
                .isInstanceOf(RuntimeException.class);
        }
        assertThat(gyeol.properties("payple")).containsEntry("payple.cst-id", gyeol.partner().cstId())
            .containsEntry("payple.auth-url", gyeol.baseUrl() + "/php/auth.php")
            .containsEntry("payple.gpay-service-id", gyeol.partner().cstId());
        // Enrolled for the overseas API: its client gets a token there.
        assertThat(gyeol.client().overseas().token().accessToken()).isNotBlank();
    }

    @Test
    void armedFaultsDeclineAndTimeOutTheNextChargesAndSettleNowEndsTheWait(Gyeol gyeol) {
        GyeolClient client = gyeol.client();
        BillingKey key = registerCard(client);
        gyeol.arm(Fault.decline("INSUFFICIENT_FUNDS").forBillingKey(key.id()));
        ChargeResult declined = client.payments().charge(Charge.builder(PayType.CARD, key.id(), "잔액 부족", 1000).build());
        assertThat(declined).isInstanceOfSatisfying(ChargeResult.Declined.class,
                (refused) -> assertThat(refused.message()).contains("잔액이 부족합니다"));

        gyeol.arm(Fault.timeoutThenApprove());
        String orderId = "kit-timeout-" + System.nanoTime();
        assertThatThrownBy(() -> client.payments()
            .charge(Charge.builder(PayType.CARD, key.id(), "시간 초과", 1000).orderId(orderId).build()))
            .isInstanceOf(OutcomeUnknownException.class);
        gyeol.settleNow();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        assertThat(client.payments().lookup(PayType.CARD, orderId, today))
            .hasValueSatisfying((found) -> assertThat(found).isInstanceOf(ChargeResult.Approved.class));

        assertThatThrownBy(() -> gyeol.arm(Fault.decline("NO_SUCH_REASON"))).isInstanceOfSatisfying(
                InvalidRequestException.class, (refused) -> assertThat(refused.code()).isEqualTo("invalid-fault"));
    }

    @Test
    void registrationRefundAndWebhookFaultsTakeTheirOwnCalls(Gyeol gyeol) {
        GyeolClient client = gyeol.client();
        String mastercard = "5555555555554444";
        gyeol.arm(Fault.decline("INVALID_CARD").onRegistrations().forCard(mastercard));
        assertThat(Fault.decline("INVALID_CARD").forCard(mastercard).toString()).doesNotContain(mastercard);
        assertThatThrownBy(() -> client.billingKeys()
            .registerCard(new CardRegistration(new Payer("1", "홍길동", "01012345678", "shop@example.com"), "900101",
                    mastercard, "30", "12", "12")))
            .isInstanceOf(InvalidRequestException.class);
        BillingKey key = registerCard(client);

        gyeol.arm(WebhookFault.deliverTwice().forEventType("PAYMENT"));
        gyeol.arm(WebhookFault.fail(2).retryingAfter(Duration.ofMillis(200)).forEventType("CANCEL"));
        String orderId = "kit-faults-" + System.nanoTime();
        client.payments().charge(Charge.builder(PayType.CARD, key.id(), "두 번 오는 웹훅", 5000).orderId(orderId).build());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));

        gyeol.arm(Fault.decline("GENERIC").onRefunds());
        assertThatThrownBy(() -> client.payments().refund(RefundRequest.of(orderId, today, 1000)))
            .isInstanceOf(InvalidRequestException.class);
        client.payments().refund(RefundRequest.of(orderId, today, 1000));

        gyeol.inbox()
            .await(WebhookEvent.Refunded.class, (event) -> orderId.equals(event.orderId()), Duration.ofSeconds(30));
        assertThat(gyeol.inbox().events(WebhookEvent.PaymentResult.class))
            .filteredOn((event) -> orderId.equals(event.orderId()))
            .hasSize(2);
        assertThat(gyeol.inbox().events(WebhookEvent.Refunded.class))
            .filteredOn((event) -> orderId.equals(event.orderId()))
            .hasSize(1);
        gyeol.disarmAll();
    }

    @Test
    void theGatewayMakesNoPartnerForAWrongKitKey(Gyeol gyeol) {
        assertThatThrownBy(() -> new TestPartners(gyeol.baseUrl(), "not-the-key").create(null)).isInstanceOfSatisfying(
                AuthenticationException.class, (refused) -> assertThat(refused.code()).isEqualTo("unauthenticated"));
    }

    @Test
    void theInboxSaysWhatCameWhenTheAwaitedEventDidNot(Gyeol gyeol) {
        assertThatThrownBy(
                () -> gyeol.inbox().await(WebhookEvent.PaymentResult.class, (event) -> true, Duration.ofMillis(200)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("the inbox holds nothing");
        assertThat(Hosts.gyeol(gyeol.baseUrl()).domestic().getHost()).isEqualTo("127.0.0.1");
    }

}
