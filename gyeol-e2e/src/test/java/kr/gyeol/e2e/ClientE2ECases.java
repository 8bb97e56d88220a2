package kr.gyeol.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.gyeol.client.AccountRegistration;
import kr.gyeol.client.AccountVerification;
import kr.gyeol.client.AuthenticationException;
import kr.gyeol.client.BillingKey;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.CashReceipt;
import kr.gyeol.client.CashReceiptRequest;
import kr.gyeol.client.CashReceiptUse;
import kr.gyeol.client.CertApproval;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.DuplicateOrderException;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.InvalidRequestException;
import kr.gyeol.client.LinkRequest;
import kr.gyeol.client.OutcomeUnknownException;
import kr.gyeol.client.OverseasCharge;
import kr.gyeol.client.OverseasChargeResult;
import kr.gyeol.client.OverseasPayment;
import kr.gyeol.client.OverseasRefund;
import kr.gyeol.client.OverseasRefundRequest;
import kr.gyeol.client.OverseasToken;
import kr.gyeol.client.PayType;
import kr.gyeol.client.Payer;
import kr.gyeol.client.Payment;
import kr.gyeol.client.PaymentLink;
import kr.gyeol.client.Refund;
import kr.gyeol.client.RefundRequest;
import kr.gyeol.client.webhook.WebhookEvent;
import kr.gyeol.client.webhook.WebhookVerificationException;
import kr.gyeol.client.webhook.Webhooks;
import kr.gyeol.e2e.support.GatewayProcess;
import kr.gyeol.e2e.support.LogSecrets;
import kr.gyeol.e2e.support.WebhookInbox;
import kr.gyeol.e2e.support.WindowForms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation of {@code gyeol-client} against the real server jar, started as its own
 * process: what a partner's server sees when it integrates through the client. Subclasses
 * choose the gateway's database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientE2ECases {

    static final String PARTNER_KEY = "abcd1234567890";

    static final String REFUND_KEY = "a41ce010ede9fcbfb3be86b24858806596a9db68b79d138b147c3e563e1829a0";

    static final String CARD = "4242424242424242";

    /** What {@link #assertNoSecretsIn} looks for. */
    private static final LogSecrets SECRETS = new LogSecrets(
            List.of(CARD, "4000000000000002", "4000000000000119", "1234567890123", "900101", "851231"),
            List.of(PARTNER_KEY, REFUND_KEY));

    /**
     * Settings every gateway of these tests runs with: unknown outcomes settle after 5 s.
     */
    static final java.util.List<String> SETTINGS = java.util.List.of("--gyeol.reconciler.delay=5s",
            "--gyeol.reconciler.interval=1s", "--gyeol.embedded-database.pool-size=8");

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private final java.util.List<java.nio.file.Path> logs = new java.util.ArrayList<>();

    private GatewayProcess gateway;

    private GyeolClient client;

    /**
     * Starts the gateway under test; a second call starts it again on the same database.
     * @param run counts the starts, to name the log
     */
    abstract GatewayProcess startGateway(int run) throws Exception;

    /** Stops whatever {@link #startGateway()} started besides the gateway. */
    void stopDatabase() throws Exception {
    }

    @BeforeAll
    void start() throws Exception {
        this.gateway = startGateway(1);
        this.logs.add(this.gateway.log());
        this.client = client(PARTNER_KEY, REFUND_KEY, PARTNER_KEY);
    }

    /** Stops the gateway and starts it again on the same database and data directory. */
    private void restart() throws Exception {
        this.gateway.close();
        this.gateway = startGateway(this.logs.size() + 1);
        this.logs.add(this.gateway.log());
        this.client = client(PARTNER_KEY, REFUND_KEY, PARTNER_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (this.gateway != null) {
                this.gateway.close();
            }
        }
        finally {
            stopDatabase();
        }
        for (java.nio.file.Path path : this.logs) {
            assertNoSecretsIn(path);
        }
    }

    /** Stops a cluster's nodes and checks that none of their logs holds a secret. */
    static void stop(kr.gyeol.e2e.support.GatewayCluster cluster) throws Exception {
        if (cluster == null) {
            return;
        }
        cluster.close();
        for (GatewayProcess node : cluster.nodes()) {
            assertNoSecretsIn(node.log());
        }
    }

    /** A client of the test partner on one node. */
    static GyeolClient clientOf(GatewayProcess node) {
        return GyeolClient.builder()
            .hosts(Hosts.gyeol(node.baseUrl()))
            .partner("test", PARTNER_KEY)
            .referer("http://localhost:8080")
            .refundKey(REFUND_KEY)
            .build();
    }

    /**
     * Card numbers, account numbers, birth dates and keys never reach a gateway's log;
     * the log must show the gateway started, so an empty file does not pass.
     */
    static void assertNoSecretsIn(java.nio.file.Path log) throws java.io.IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("%s", log).contains("Started");
        assertThat(SECRETS.findIn(text)).as("secrets in %s", log).isEmpty();
    }

    private GyeolClient client(String partnerKey, String refundKey, String serviceKey) {
        return GyeolClient.builder()
            .hosts(Hosts.gyeol(this.gateway.baseUrl()))
            .partner("test", partnerKey)
            .referer("http://localhost:8080")
            .refundKey(refundKey)
            .overseasService("demo", serviceKey)
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    }

    private static String orderId(String prefix) {
        return prefix + System.nanoTime();
    }

    private static LocalDate today() {
        return LocalDate.now(KOREA);
    }

    private BillingKey registerCard(String number) {
        return this.client.billingKeys()
            .registerCard(new CardRegistration(new Payer("1234", "홍길동", "01012345678", "dev@example.com"), "900101",
                    number, "30", "12", "12"));
    }

    private Payment approved(ChargeResult result) {
        assertThat(result).isInstanceOf(ChargeResult.Approved.class);
        return ((ChargeResult.Approved) result).payment();
    }

    @Test
    void aCardBillingKeyIsRegisteredChargedLookedUpRefundedAndRevoked() {
        BillingKey key = registerCard(CARD);
        assertThat(key.id()).isNotBlank();
        assertThat(key.payType()).isEqualTo(PayType.CARD);
        assertThat(key.maskedCardNumber()).isEqualTo("4242-****-****-4242");
        BillingKey found = this.client.billingKeys().find(key.id());
        assertThat(found.payerName()).isEqualTo("홍길동");
        assertThat(found.maskedCardNumber()).isEqualTo("4242-****-****-4242");

        String orderId = orderId("e2e-card");
        Charge charge = Charge.builder(PayType.CARD, key.id(), "E2E 구독", 10_000)
            .orderId(orderId)
            .payer(new Payer("1234", "홍길동", null, "dev@example.com"))
            .build();
        Payment payment = approved(this.client.payments().charge(charge));
        assertThat(payment.orderId()).isEqualTo(orderId);
        assertThat(payment.amount()).isEqualTo(10_000);
        assertThat(payment.vat()).isEqualTo(909);
        assertThat(payment.billingKey()).isEqualTo(key.id());
        assertThat(payment.cardTradeNumber()).matches("[0-9]{24}");
        assertThat(payment.paidAt()).isNotNull();
        assertThatThrownBy(() -> this.client.payments().charge(charge))
            .isInstanceOfSatisfying(DuplicateOrderException.class, (ex) -> assertThat(ex.code()).isEqualTo("SPCD0014"));

        LocalDate paidOn = payment.paidAt().toLocalDate();
        Optional<ChargeResult> lookedUp = this.client.payments().lookup(PayType.CARD, orderId, paidOn);
        assertThat(lookedUp).get().isInstanceOf(ChargeResult.Approved.class);
        assertThat(((ChargeResult.Approved) lookedUp.get()).payment().amount()).isEqualTo(10_000);
        assertThat(this.client.payments().lookup(PayType.CARD, orderId("none"), paidOn)).isEmpty();

        Refund part = this.client.payments().refund(RefundRequest.of(orderId, paidOn, 4_000));
        assertThat(part.amount()).isEqualTo(4_000);
        assertThat(part.paymentAmount()).isEqualTo(10_000);
        assertThat(part.cardTradeNumber()).isNotBlank();
        assertThat(this.client.payments().refund(RefundRequest.of(orderId, paidOn, 6_000)).amount()).isEqualTo(6_000);
        assertThatThrownBy(() -> this.client.payments().refund(RefundRequest.of(orderId, paidOn, 1)))
            .isInstanceOf(InvalidRequestException.class);

        YearMonth month = YearMonth.of(2026, 11);
        approved(this.client.payments()
            .charge(Charge.builder(PayType.CARD, key.id(), "E2E 월 구독", 9_900)
                .orderId(orderId("e2e-month"))
                .monthly(month)
                .build()));
        assertThatThrownBy(() -> this.client.payments()
            .charge(Charge.builder(PayType.CARD, key.id(), "E2E 월 구독", 9_900)
                .orderId(orderId("e2e-month"))
                .monthly(month)
                .build()))
            .isInstanceOfSatisfying(DuplicateOrderException.class, (ex) -> assertThat(ex.code()).isEqualTo("RPCD0015"));

        this.client.billingKeys().revoke(key.id());
        assertThatThrownBy(() -> this.client.billingKeys().find(key.id())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> this.client.billingKeys().revoke(key.id()))
            .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(
                () -> this.client.payments().charge(Charge.builder(PayType.CARD, key.id(), "E2E 구독", 1_000).build()))
            .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anAccountIsRegisteredByArsAndPaysWithCashReceipts() {
        AccountVerification verification = this.client.billingKeys()
            .requestAccountRegistration(new AccountRegistration(new Payer("77", "김철수", null, null), false, "851231",
                    "011", "1234567890123"));
        assertThat(verification.requestNumber()).matches("[0-9]+");
        assertThat(verification.toString()).doesNotContain(verification.authKey());
        BillingKey key = this.client.billingKeys().confirmAccount(verification, verification.requestNumber());
        assertThat(key.payType()).isEqualTo(PayType.ACCOUNT);
        assertThat(this.client.billingKeys().find(key.id()).bankCode()).isEqualTo("011");

        String orderId = orderId("e2e-account");
        Payment payment = approved(this.client.payments()
            .charge(Charge.builder(PayType.ACCOUNT, key.id(), "E2E 정기배송", 5_000)
                .orderId(orderId)
                .cashReceipt(CashReceiptUse.PERSONAL, "01012345678")
                .build()));
        assertThat(payment.payType()).isEqualTo(PayType.ACCOUNT);
        assertThat(payment.bankCode()).isEqualTo("011");
        assertThat(payment.maskedAccountNumber()).doesNotContain("1234567890123");
        assertThat(payment.cashReceiptIssued()).isTrue();
        assertThat(payment.cashReceiptNumber()).startsWith("test");

        CashReceipt cancelled = this.client.cashReceipts().cancel(orderId, key.id());
        assertThat(cancelled.orderId()).isEqualTo(orderId);
        assertThatThrownBy(() -> this.client.cashReceipts().cancel(orderId, key.id()))
            .isInstanceOfSatisfying(InvalidRequestException.class, (ex) -> assertThat(ex.code()).isEqualTo("TSCC0001"));
        CashReceipt issued = this.client.cashReceipts()
            .issue(new CashReceiptRequest(orderId, key.id(), 5_000, null, CashReceiptUse.PERSONAL, "01012345678"));
        assertThat(issued.amount()).isEqualTo(5_000);
        assertThat(issued.managementNumber()).startsWith("test");
        assertThatThrownBy(() -> this.client.cashReceipts()
            .issue(new CashReceiptRequest(orderId, key.id(), 5_000, null, null, null)))
            .isInstanceOfSatisfying(InvalidRequestException.class, (ex) -> assertThat(ex.code()).isEqualTo("TSRG0005"));

        Refund refund = this.client.payments().refund(RefundRequest.of(orderId, payment.paidAt().toLocalDate(), 5_000));
        assertThat(refund.payType()).isEqualTo(PayType.ACCOUNT);
        assertThat(refund.cashReceiptCode()).isEqualTo("0000");
    }

    @Test
    void declinesAreResultsAndAnUnknownOutcomeIsSettledByLookupNotByChargingAgain() throws Exception {
        ChargeResult declined = this.client.payments()
            .charge(Charge.builder(PayType.CARD, registerCard("4000000000000002").id(), "E2E", 1_000).build());
        assertThat(declined).isInstanceOfSatisfying(ChargeResult.Declined.class, (decline) -> {
            assertThat(decline.code()).isEqualTo("SPCD0018");
            assertThat(decline.message()).contains("3143");
        });

        String orderId = orderId("e2e-timeout");
        String timeoutKey = registerCard("4000000000000119").id();
        Charge charge = Charge.builder(PayType.CARD, timeoutKey, "E2E", 2_000).orderId(orderId).build();
        assertThatThrownBy(() -> this.client.payments().charge(charge))
            .isInstanceOfSatisfying(OutcomeUnknownException.class, (ex) -> assertThat(ex.orderId()).isEqualTo(orderId));

        // The gateway's reconciler asks the network after 5 s; the lookup then tells.
        Optional<ChargeResult> settled = await("the unknown charge settled").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptionsInstanceOf(OutcomeUnknownException.class)
            .until(() -> this.client.payments().lookup(PayType.CARD, orderId, today()), Optional::isPresent);
        assertThat(approved(settled.get()).amount()).isEqualTo(2_000);
        assertThatThrownBy(() -> this.client.payments().charge(charge)).isInstanceOf(DuplicateOrderException.class);
    }

    @Test
    void aCertPaymentFromTheWindowIsApprovedByTheClientOnce() throws Exception {
        String orderId = orderId("e2e-cert");
        Map<String, String> windowResult = WindowForms.certCardPayment(this.gateway.baseUrl(), orderId, 3_000, CARD);
        assertThat(windowResult).containsEntry("PCD_PAY_WORK", "CERT");
        CertApproval approval = CertApproval.fromWindowResult(windowResult);
        assertThat(this.client.payments().lookup(PayType.CARD, orderId, today())).isEmpty();

        Payment payment = approved(this.client.payments().confirm(approval));
        assertThat(payment.orderId()).isEqualTo(orderId);
        assertThat(payment.amount()).isEqualTo(3_000);
        assertThatThrownBy(() -> this.client.payments().confirm(approval)).isInstanceOf(InvalidRequestException.class);
        assertThat(this.client.payments().lookup(PayType.CARD, orderId, today())).isPresent();
    }

    @Test
    void aLinkIsCreatedAndItsPageServed() throws Exception {
        PaymentLink link = this.client.links()
            .create(LinkRequest.of("E2E 링크 상품", 15_000, PayType.CARD, PayType.ACCOUNT)
                .withMemo("첫 구매")
                .withExpiry(today().plusDays(7)));
        assertThat(link.key()).isNotBlank();
        assertThat(link.expiresOn()).isEqualTo(today().plusDays(7));
        assertThat(link.memo()).isEqualTo("첫 구매");
        HttpResponse<String> page = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(link.url()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("E2E 링크 상품");
        assertThatThrownBy(() -> this.client.links().create(LinkRequest.of(" ", 15_000, PayType.CARD)))
            .isInstanceOfSatisfying(InvalidRequestException.class, (ex) -> assertThat(ex.code()).isEqualTo("LINK0002"));
    }

    @Test
    void anOverseasBillingKeyIsChargedLookedUpAndCancelled() throws Exception {
        OverseasToken token = this.client.overseas().token();
        assertThat(token.payCls()).isEqualTo("demo");
        Map<String, String> first = WindowForms.overseasFirstPayment(this.gateway.baseUrl(), token.accessToken(),
                orderId("e2e-gpay-first"), CARD);
        assertThat(first).containsEntry("result", "A0000");
        String billingKey = first.get("billing_key");

        String orderId = orderId("e2e-gpay");
        OverseasCharge charge = OverseasCharge.of(billingKey, "E2E plan", new BigDecimal("1.00"), "USD", orderId,
                "123");
        OverseasChargeResult result = this.client.overseas().charge(charge);
        assertThat(result).isInstanceOf(OverseasChargeResult.Approved.class);
        OverseasPayment payment = ((OverseasChargeResult.Approved) result).payment();
        assertThat(payment.amount()).isEqualByComparingTo("1.00");
        assertThat(payment.maskedCardNumber()).isEqualTo("4242-****-****-4242");
        assertThat(payment.firstName()).isEqualTo("Gildong");
        assertThatThrownBy(() -> this.client.overseas().charge(charge)).isInstanceOf(DuplicateOrderException.class);

        Optional<OverseasChargeResult> lookedUp = this.client.overseas().lookup(null, orderId);
        assertThat(lookedUp).get()
            .isInstanceOfSatisfying(OverseasChargeResult.Approved.class,
                    (approved) -> assertThat(approved.payment().payId()).isEqualTo(payment.payId()));
        assertThat(this.client.overseas().lookup(payment.payId(), null)).isPresent();
        assertThat(this.client.overseas().lookup(null, orderId("none"))).isEmpty();

        OverseasRefund refund = this.client.overseas()
            .refund(new OverseasRefundRequest(payment.payId(), orderId, new BigDecimal("0.40"), "USD", "E2E plan"));
        assertThat(refund.amount()).isEqualByComparingTo("0.40");
        assertThat(refund.cancelId()).isNotBlank();
        assertThatThrownBy(() -> this.client.overseas()
            .refund(new OverseasRefundRequest(payment.payId(), orderId, new BigDecimal("0.70"), "USD", null)))
            .isInstanceOfSatisfying(InvalidRequestException.class, (ex) -> assertThat(ex.code()).isEqualTo("A0206"));
    }

    @Test
    void webhooksArriveSignedAndTheClientVerifiesAndReadsThem() throws Exception {
        try (WebhookInbox inbox = new WebhookInbox()) {
            String secret = configureWebhooks(this.gateway, inbox.url("/payments"), inbox.url("/revocations"));
            BillingKey key = registerCard(CARD);
            String orderId = orderId("e2e-hook");
            approved(this.client.payments()
                .charge(Charge.builder(PayType.CARD, key.id(), "E2E 웹훅", 1_500).orderId(orderId).build()));

            WebhookInbox.Delivery delivery = inbox.await((d) -> d.body().contains(orderId), Duration.ofSeconds(60));
            Webhooks webhooks = new Webhooks(secret);
            WebhookEvent event = webhooks.verifyAndParse(delivery::header, delivery.body(),
                    delivery.header("content-type"));
            assertThat(event).isInstanceOfSatisfying(WebhookEvent.PaymentResult.class, (result) -> {
                assertThat(result.orderId()).isEqualTo(orderId);
                assertThat(result.approved()).isTrue();
                assertThat(result.amount()).isEqualTo(1_500);
            });
            assertThatThrownBy(() -> webhooks.verify(delivery::header, delivery.body().replace("1500", "15000")))
                .isInstanceOf(WebhookVerificationException.class);

            this.client.billingKeys().revoke(key.id());
            WebhookInbox.Delivery revoked = inbox
                .await((d) -> d.body().contains(key.id()) && d.body().contains("PUSERDEL"), Duration.ofSeconds(60));
            assertThat(webhooks.verifyAndParse(revoked::header, revoked.body(), revoked.header("content-type")))
                .isInstanceOf(WebhookEvent.BillingKeyRevoked.class);
        }
    }

    @Test
    void billingKeysAndPaymentsOutliveARestartOfTheGateway() throws Exception {
        BillingKey key = registerCard(CARD);
        String orderId = orderId("e2e-restart");
        Payment payment = approved(this.client.payments()
            .charge(Charge.builder(PayType.CARD, key.id(), "E2E 재시작", 7_000).orderId(orderId).build()));

        restart();

        assertThat(this.client.billingKeys().find(key.id()).maskedCardNumber()).isEqualTo("4242-****-****-4242");
        LocalDate paidOn = payment.paidAt().toLocalDate();
        assertThat(this.client.payments().lookup(PayType.CARD, orderId, paidOn)).get()
            .isInstanceOf(ChargeResult.Approved.class);
        assertThat(this.client.payments().refund(RefundRequest.of(orderId, paidOn, 7_000)).amount()).isEqualTo(7_000);
        approved(this.client.payments().charge(Charge.builder(PayType.CARD, key.id(), "E2E 재시작", 1_000).build()));
        assertThatThrownBy(() -> this.client.payments()
            .charge(Charge.builder(PayType.CARD, key.id(), "E2E 재시작", 7_000).orderId(orderId).build()))
            .isInstanceOf(DuplicateOrderException.class);
    }

    @Test
    void wrongCredentialsAreAuthenticationErrors() {
        assertThatThrownBy(() -> client("wrong-key", REFUND_KEY, PARTNER_KEY).billingKeys().find("x"))
            .isInstanceOf(AuthenticationException.class);
        BillingKey key = registerCard(CARD);
        String orderId = orderId("e2e-refund-key");
        Payment payment = approved(this.client.payments()
            .charge(Charge.builder(PayType.CARD, key.id(), "E2E", 1_000).orderId(orderId).build()));
        assertThatThrownBy(() -> client(PARTNER_KEY, "0".repeat(64), PARTNER_KEY).payments()
            .refund(RefundRequest.of(orderId, payment.paidAt().toLocalDate(), 1_000)))
            .isInstanceOfSatisfying(AuthenticationException.class, (ex) -> assertThat(ex.code()).isEqualTo("PAYC0002"));
        assertThatThrownBy(() -> client(PARTNER_KEY, REFUND_KEY, "wrong-key").overseas().token())
            .isInstanceOf(AuthenticationException.class);
    }

    /**
     * Sets the test partner's webhook receivers (JSON) through a node's admin API; the
     * signing secret.
     */
    static String configureWebhooks(GatewayProcess node, String resultUrl, String revocationUrl) throws Exception {
        String body = "{\"resultUrl\":\"" + resultUrl + "\",\"revocationUrl\":\"" + revocationUrl
                + "\",\"format\":\"JSON\"}";
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/admin/webhooks"))
                .header("Authorization",
                        "Basic " + Base64.getEncoder()
                            .encodeToString(("test:" + PARTNER_KEY).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("\"secret\"\\s*:\\s*\"(whsec_[^\"]+)\"")
            .matcher(response.body());
        assertThat(secret.find()).as("secret in %s", response.statusCode()).isTrue();
        return secret.group(1);
    }

}
