package kr.gyeol.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhook signatures checked against an HMAC computed here, and bodies of every kind read
 * into their events.
 */
class WebhooksTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);

    private static final long NOW = 1_795_000_000L;

    private final Webhooks webhooks = new Webhooks(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC),
            Duration.ofMinutes(5));

    private static String sign(String id, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return "v1," + Base64.getEncoder()
            .encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature);
    }

    @Test
    void acceptsTheGatewaysSignatureAndReadsTheEvent() throws Exception {
        String body = "{\"PCD_PAY_RST\":\"success\",\"PCD_PAY_CODE\":\"0000\",\"PCD_PAY_OID\":\"o1\","
                + "\"PCD_PAY_TOTAL\":\"1000\",\"PCD_PAYER_ID\":\"bk\"}";
        Map<String, String> headers = headers("evt_1", NOW - 30, sign("evt_1", NOW - 30, body));

        WebhookEvent event = this.webhooks.verifyAndParse(headers::get, body, "application/json");

        assertThat(event).isInstanceOfSatisfying(WebhookEvent.PaymentResult.class, (payment) -> {
            assertThat(payment.orderId()).isEqualTo("o1");
            assertThat(payment.approved()).isTrue();
            assertThat(payment.amount()).isEqualTo(1000);
            assertThat(payment.billingKey()).isEqualTo("bk");
        });
    }

    @Test
    void acceptsAnyOfSeveralSignaturesWhileASecretRotates() throws Exception {
        String body = "{}";
        String header = "v1,AAAA " + sign("evt_2", NOW, body);

        this.webhooks.verify(headers("evt_2", NOW, header)::get, body);
    }

    @Test
    void refusesATamperedBodyAnotherIdAndAnotherSecret() throws Exception {
        String body = "{\"PCD_PAY_OID\":\"o1\"}";
        String signature = sign("evt_3", NOW, body);

        assertThatThrownBy(() -> this.webhooks.verify(headers("evt_3", NOW, signature)::get, body.replace("o1", "o2")))
            .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> this.webhooks.verify(headers("evt_4", NOW, signature)::get, body))
            .isInstanceOf(WebhookVerificationException.class);
        Webhooks other = new Webhooks("whsec_" + Base64.getEncoder().encodeToString(new byte[32]),
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), Duration.ofMinutes(5));
        assertThatThrownBy(() -> other.verify(headers("evt_3", NOW, signature)::get, body))
            .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void refusesOldOrFutureTimestampsAndMissingHeaders() throws Exception {
        String body = "{}";
        long old = NOW - 301;
        assertThatThrownBy(() -> this.webhooks.verify(headers("evt_5", old, sign("evt_5", old, body))::get, body))
            .isInstanceOf(WebhookVerificationException.class)
            .hasMessageContaining("tolerance");
        long future = NOW + 301;
        assertThatThrownBy(() -> this.webhooks.verify(headers("evt_5", future, sign("evt_5", future, body))::get, body))
            .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> this.webhooks.verify(Map.of("webhook-id", "evt_6")::get, body))
            .isInstanceOf(WebhookVerificationException.class)
            .hasMessageContaining("webhook-timestamp");
    }

    @Test
    void readsRefundsAndBillingKeyEventsFromFormBodies() {
        WebhookEvent refund = Webhooks.parse(
                "PCD_PAY_RST=success&PCD_PAY_OID=o7&PCD_PAYCANCEL_FLAG=Y&PCD_REFUND_TOTAL=400",
                "application/x-www-form-urlencoded");
        assertThat(refund).isInstanceOfSatisfying(WebhookEvent.Refunded.class, (event) -> {
            assertThat(event.orderId()).isEqualTo("o7");
            assertThat(event.amount()).isEqualTo(400);
        });
        assertThat(Webhooks.parse("PCD_PAY_WORK=PUSERDEL&PCD_PAYER_ID=bk%2B1", "application/x-www-form-urlencoded"))
            .isInstanceOfSatisfying(WebhookEvent.BillingKeyRevoked.class,
                    (event) -> assertThat(event.billingKey()).isEqualTo("bk+1"));
        assertThat(Webhooks.parse("{\"PCD_PAY_WORK\":\"AUTH\",\"PCD_PAYER_ID\":\"bk\"}", null))
            .isInstanceOf(WebhookEvent.BillingKeyRegistered.class);
    }

    @Test
    void readsSubscriptionEventsInsteadOfRefusingThem() {
        WebhookEvent renewed = Webhooks.parse("{\"id\":\"sev_1\",\"type\":\"SUBSCRIPTION_RENEWED\","
                + "\"subscriptionId\":\"sub_1\",\"status\":\"ACTIVE\",\"periodNumber\":\"2\","
                + "\"periodEnd\":\"2027-02-07T00:00:00Z\",\"orderId\":\"o-2\"}", "application/json");
        assertThat(renewed).isInstanceOfSatisfying(WebhookEvent.SubscriptionEvent.class, (event) -> {
            assertThat(event.type()).isEqualTo("SUBSCRIPTION_RENEWED");
            assertThat(event.subscriptionId()).isEqualTo("sub_1");
            assertThat(event.status()).isEqualTo("ACTIVE");
            assertThat(event.periodNumber()).isEqualTo(2);
            assertThat(event.periodEnd()).isEqualTo("2027-02-07T00:00:00Z");
            assertThat(event.orderId()).isEqualTo("o-2");
        });
    }

    @Test
    void readsOverseasEventsWithTheirInfoFlattened() {
        WebhookEvent payment = Webhooks.parse("{\"type\":\"PAYMENT\",\"result\":\"A0000\",\"api_id\":\"p1\","
                + "\"info\":{\"service_oid\":\"g1\",\"totalAmount\":\"1.00\"}}", "application/json");
        assertThat(payment).isInstanceOfSatisfying(WebhookEvent.OverseasPaymentResult.class, (event) -> {
            assertThat(event.approved()).isTrue();
            assertThat(event.orderId()).isEqualTo("g1");
            assertThat(event.amount()).isEqualTo("1.00");
            assertThat(event.payId()).isEqualTo("p1");
        });
        assertThat(Webhooks.parse("{\"type\":\"CANCEL\",\"api_id\":\"c1\",\"info\":{\"service_oid\":\"g1\"}}", null))
            .isInstanceOfSatisfying(WebhookEvent.OverseasCancelled.class,
                    (event) -> assertThat(event.cancelId()).isEqualTo("c1"));
        assertThatThrownBy(() -> Webhooks.parse("{\"hello\":\"world\"}", null))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
