package kr.gyeol.client;

import static kr.gyeol.client.FakeGateway.json;
import static kr.gyeol.client.FakeGateway.noAnswer;
import static kr.gyeol.client.FakeGateway.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import java.util.List;

/**
 * The domestic payment calls against a scripted gateway: what is sent, how answers become
 * results or exceptions, and that a charge is never sent twice.
 */
class PaymentsTest {

    private static final String AUTH = "/php/auth.php";

    private static final String CHARGE = "/php/SimplePayCardAct.php?ACT_=PAYM";

    private static final String LOOKUP = "/php/PayChkAct.php";

    private final FakeGateway gateway = new FakeGateway();

    // 2026-11-24 09:00 in Korea.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T00:00:00Z"));

    private final GyeolClient client = GyeolClient.builder()
        .hosts(Hosts.gyeol(FakeGateway.BASE))
        .partner("test", "abcd1234567890")
        .referer("http://shop.test")
        .refundKey("refund-key")
        .transport(this.gateway)
        .clock(this.clock)
        .sleeper((duration) -> {
        })
        .build();

    private static FakeGateway.Answer approved(String orderId) {
        return json("PCD_PAY_RST", "success", "PCD_PAY_CODE", "SPCD0000", "PCD_PAY_MSG", "카드결제완료", "PCD_PAY_OID",
                orderId, "PCD_PAY_TYPE", "card", "PCD_PAYER_ID", "bk1", "PCD_PAY_GOODS", "구독", "PCD_PAY_TOTAL", "1000",
                "PCD_PAY_TAXTOTAL", "91", "PCD_PAY_ISTAX", "Y", "PCD_PAY_TIME", "20261124090000", "PCD_PAY_CARDNAME",
                "BC카드", "PCD_PAY_CARDNUM", "4242-****-****-4242", "PCD_SIMPLE_FLAG", "Y");
    }

    private static Charge charge(String orderId) {
        return Charge.builder(PayType.CARD, "bk1", "구독", 1000).orderId(orderId).build();
    }

    @Test
    void chargeAuthenticatesForItsOperationThenPostsTheEnvelopeToTheReturnedUrl() {
        this.gateway.on(AUTH, session(CHARGE)).on(CHARGE, approved("o1"));

        ChargeResult result = this.client.payments().charge(charge("o1"));

        assertThat(result).isInstanceOf(ChargeResult.Approved.class);
        Payment payment = ((ChargeResult.Approved) result).payment();
        assertThat(payment.orderId()).isEqualTo("o1");
        assertThat(payment.amount()).isEqualTo(1000);
        assertThat(payment.vat()).isEqualTo(91);
        assertThat(payment.payType()).isEqualTo(PayType.CARD);
        assertThat(payment.paidAt()).isEqualTo("2026-11-24T09:00:00");
        assertThat(payment.maskedCardNumber()).isEqualTo("4242-****-****-4242");
        FakeGateway.Seen auth = this.gateway.seen().get(0);
        assertThat(auth.body()).containsEntry("cst_id", "test")
            .containsEntry("custKey", "abcd1234567890")
            .containsEntry("PCD_PAY_TYPE", "card")
            .containsEntry("PCD_SIMPLE_FLAG", "Y");
        FakeGateway.Seen sent = this.gateway.seen().get(1);
        assertThat(sent.headers()).containsEntry("Referer", "http://shop.test");
        assertThat(sent.body()).containsEntry("PCD_CST_ID", "cstToken")
            .containsEntry("PCD_CUST_KEY", "keyToken")
            .containsEntry("PCD_AUTH_KEY", "auth-" + CHARGE.hashCode())
            .containsEntry("PCD_PAYER_ID", "bk1")
            .containsEntry("PCD_PAY_TOTAL", "1000")
            .containsEntry("PCD_PAY_OID", "o1");
    }

    @Test
    void monthlyChargeAsksForTheMonthlyOperationWithYearAndMonth() {
        String monthly = "/php/RePayCardAct.php?ACT_=PAYM";
        this.gateway.on(AUTH, session(monthly)).on(monthly, approved("o2"));

        this.client.payments()
            .charge(Charge.builder(PayType.CARD, "bk1", "구독", 1000)
                .orderId("o2")
                .monthly(YearMonth.of(2026, 3))
                .build());

        assertThat(this.gateway.seen().get(0).body()).containsEntry("PCD_REGULER_FLAG", "Y");
        assertThat(this.gateway.seen().get(1).body()).containsEntry("PCD_PAY_YEAR", "2026")
            .containsEntry("PCD_PAY_MONTH", "03");
    }

    @Test
    void aDeclineIsAResultNotAnException() {
        this.gateway.on(AUTH, session(CHARGE))
            .on(CHARGE, json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "SPCD0018", "PCD_PAY_MSG",
                    "[Test] [SPCD0018] 3143 - 카드사 문의 바랍니다.", "PCD_PAY_OID", "o3"));

        ChargeResult result = this.client.payments().charge(charge("o3"));

        assertThat(result)
            .isEqualTo(new ChargeResult.Declined("o3", "SPCD0018", "[Test] [SPCD0018] 3143 - 카드사 문의 바랍니다."));
    }

    @Test
    void aRepeatedOrderIdRaisesDuplicateOrder() {
        this.gateway.on(AUTH, session(CHARGE))
            .on(CHARGE, json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "SPCD0014", "PCD_PAY_MSG", "이미 처리된 거래입니다."));

        assertThatThrownBy(() -> this.client.payments().charge(charge("o4")))
            .isInstanceOfSatisfying(DuplicateOrderException.class, (ex) -> {
                assertThat(ex.code()).isEqualTo("SPCD0014");
                assertThat(ex.orderId()).isEqualTo("o4");
            });
    }

    @Test
    void refusedCredentialsRaiseAuthenticationWithTheCodeFromTheMessage() {
        this.gateway.on(AUTH, json("result", "error", "result_msg", "[AUTH0004] 접속하시는 서버의 도메인 확인이 필요합니다."));

        assertThatThrownBy(() -> this.client.payments().charge(charge("o5")))
            .isInstanceOfSatisfying(AuthenticationException.class, (ex) -> assertThat(ex.code()).isEqualTo("AUTH0004"));
        assertThat(this.gateway.count(CHARGE)).isZero();
    }

    @Test
    void aRefusedFieldRaisesInvalidRequest() {
        this.gateway.on(AUTH, session(CHARGE))
            .on(CHARGE,
                    json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "SPCD0002", "PCD_PAY_MSG", "결제가능 최저금액은 100원 입니다."));

        assertThatThrownBy(() -> this.client.payments().charge(charge("o6")))
            .isInstanceOfSatisfying(InvalidRequestException.class, (ex) -> {
                assertThat(ex.code()).isEqualTo("SPCD0002");
                assertThat(ex.gatewayMessage()).isEqualTo("결제가능 최저금액은 100원 입니다.");
            });
    }

    @Test
    void aChargeWhoseAnswerIsLostIsLookedUpAndNeverSentAgain() {
        this.gateway.on(AUTH, session(CHARGE), session(LOOKUP)).on(CHARGE, noAnswer()).on(LOOKUP, approved("o7"));

        ChargeResult result = this.client.payments().charge(charge("o7"));

        assertThat(result).isInstanceOf(ChargeResult.Approved.class);
        assertThat(this.gateway.count(CHARGE)).isOne();
        assertThat(this.gateway.seen().get(3).body()).containsEntry("PCD_PAY_OID", "o7")
            .containsEntry("PCD_PAY_DATE", "20261124")
            .containsEntry("PCD_PAY_TYPE", "card");
    }

    @Test
    void aChargeServerErrorIsNotRetriedEither() {
        this.gateway.on(AUTH, session(CHARGE), session(LOOKUP))
            .on(CHARGE, new FakeGateway.Answer(502, "Bad Gateway"))
            .on(LOOKUP, json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "CBIL0003"));

        assertThatThrownBy(() -> this.client.payments().charge(charge("o8")))
            .isInstanceOfSatisfying(OutcomeUnknownException.class, (ex) -> assertThat(ex.orderId()).isEqualTo("o8"));
        assertThat(this.gateway.count(CHARGE)).isOne();
    }

    @Test
    void anUnknownOutcomeThatTheLookupFindsPendingRaisesOutcomeUnknown() {
        FakeGateway.Answer pending = json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "SPCD1001", "PCD_PAY_MSG", "미수신");
        this.gateway.on(AUTH, session(CHARGE), session(LOOKUP)).on(CHARGE, pending).on(LOOKUP, pending);

        assertThatThrownBy(() -> this.client.payments().charge(charge("o9")))
            .isInstanceOfSatisfying(OutcomeUnknownException.class, (ex) -> {
                assertThat(ex.code()).isEqualTo("SPCD1001");
                assertThat(ex.orderId()).isEqualTo("o9");
            });
        assertThat(this.gateway.count(CHARGE)).isOne();
    }

    @Test
    void anUnknownOutcomeThatTheGatewayNeverRecordedIsADecline() {
        // Payple answers some institution errors with SPCD1001 and records nothing.
        this.gateway.on(AUTH, session(CHARGE), session(LOOKUP))
            .on(CHARGE, json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "SPCD1001", "PCD_PAY_MSG", "3143 - 카드사 문의"))
            .on(LOOKUP, json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "CBIL0003"));

        assertThat(this.client.payments().charge(charge("o10")))
            .isEqualTo(new ChargeResult.Declined("o10", "SPCD1001", "3143 - 카드사 문의"));
    }

    @Test
    void aChargeWithoutOrderIdGetsOneSoThatItCanBeLookedUp() {
        this.gateway.on(AUTH, session(CHARGE)).on(CHARGE, approved("x"));

        this.client.payments().charge(Charge.builder(PayType.CARD, "bk1", "구독", 1000).build());

        assertThat((String) this.gateway.seen().get(1).body().get("PCD_PAY_OID")).matches("gyeol20261124[0-9a-f]{16}");
    }

    @Test
    void lookupsShareOneSessionFor25MinutesThenAuthenticateAgain() {
        this.gateway.on(AUTH, session(LOOKUP)).on(LOOKUP, approved("o11"));
        LocalDate day = LocalDate.of(2026, 11, 24);

        for (int i = 0; i < 3; i++) {
            assertThat(this.client.payments().lookup(PayType.CARD, "o11", day)).isPresent();
            this.clock.advance(Duration.ofMinutes(8));
        }
        assertThat(this.gateway.count(AUTH)).isOne();
        this.clock.advance(Duration.ofMinutes(2));
        this.client.payments().lookup(PayType.CARD, "o11", day);
        assertThat(this.gateway.count(AUTH)).isEqualTo(2);
    }

    @Test
    void concurrentLookupsOfOneClientShareOneSession() throws Exception {
        this.gateway.on(AUTH, session(LOOKUP)).on(LOOKUP, approved("o19"));
        LocalDate day = LocalDate.of(2026, 11, 24);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    boolean all = true;
                    for (int n = 0; n < 25; n++) {
                        all &= this.client.payments().lookup(PayType.CARD, "o19", day).isPresent();
                    }
                    return all;
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        }
        assertThat(this.gateway.count(LOOKUP)).isEqualTo(200);
        assertThat(this.gateway.count(AUTH)).isOne();
    }

    @Test
    void aLookupWhoseSessionExpiredAuthenticatesOnceMore() {
        this.gateway.on(AUTH, session(LOOKUP))
            .on(LOOKUP, json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "CBIL0002"), approved("o12"));

        assertThat(this.client.payments().lookup(PayType.CARD, "o12", LocalDate.of(2026, 11, 24))).isPresent();
        assertThat(this.gateway.count(AUTH)).isEqualTo(2);
    }

    @Test
    void lookupsAreRetriedAfterServerErrorsAndLostAnswers() {
        this.gateway.on(AUTH, noAnswer(), session(LOOKUP))
            .on(LOOKUP, new FakeGateway.Answer(503, ""), noAnswer(),
                    json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "CBIL0003"));

        assertThat(this.client.payments().lookup(PayType.ACCOUNT, "o13", LocalDate.of(2026, 11, 24))).isEmpty();
        assertThat(this.gateway.count(LOOKUP)).isEqualTo(3);
    }

    @Test
    void aLookupGivesUpAfterItsRetries() {
        this.gateway.on(AUTH, session(LOOKUP)).on(LOOKUP, noAnswer());

        assertThatThrownBy(() -> this.client.payments().lookup(PayType.CARD, "o14", LocalDate.of(2026, 11, 24)))
            .isInstanceOf(OutcomeUnknownException.class)
            .hasMessageContaining("after 3 attempts");
    }

    @Test
    void confirmationGoesToTheConfiguredHostWithTheRawCredentials() {
        String confirm = "/php/PayCardConfirmAct.php?ACT_=PAYM";
        this.gateway.on(confirm, json("PCD_PAY_RST", "success", "PCD_PAY_CODE", "PCCF0000", "PCD_PAY_OID", "o15",
                "PCD_PAY_TYPE", "card", "PCD_PAY_TOTAL", "3000"));
        java.util.Map<String, String> windowResult = java.util.Map.of("PCD_PAY_TYPE", "card", "PCD_PAY_OID", "o15",
                "PCD_AUTH_KEY", "wk", "PCD_PAY_REQKEY", "rk", "PCD_PAYER_ID", "bk1", "PCD_PAY_COFURL",
                "https://evil.test/steal");

        ChargeResult result = this.client.payments().confirm(CertApproval.fromWindowResult(windowResult));

        assertThat(result).isInstanceOf(ChargeResult.Approved.class);
        FakeGateway.Seen sent = this.gateway.seen().get(0);
        assertThat(sent.path()).isEqualTo(confirm);
        assertThat(sent.body()).containsEntry("PCD_CST_ID", "test")
            .containsEntry("PCD_AUTH_KEY", "wk")
            .containsEntry("PCD_PAY_REQKEY", "rk");
    }

    @Test
    void refundsSendTheRefundKeyAndReportAnUnansweredNetworkAsUnknown() {
        String cancel = "/php/account/api/cPayCAct.php";
        this.gateway.on(AUTH, session(cancel), session(cancel))
            .on(cancel, json("PCD_PAY_RST", "success", "PCD_PAY_CODE", "PAYC0000", "PCD_PAY_OID", "o16", "PCD_PAY_TYPE",
                    "card", "PCD_PAY_TOTAL", "1000", "PCD_REFUND_TOTAL", "400", "PCD_REFUND_TIME", "20261124091500"),
                    json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "PAYC0012", "PCD_PAY_MSG", "미수신", "PCD_REFUND_TIME",
                            "20261124091600"));

        Refund refund = this.client.payments().refund(RefundRequest.of("o16", LocalDate.of(2026, 11, 24), 400));

        assertThat(refund.amount()).isEqualTo(400);
        assertThat(refund.paymentAmount()).isEqualTo(1000);
        assertThat(refund.refundedAt()).isEqualTo("2026-11-24T09:15:00");
        assertThat(this.gateway.seen().get(1).body()).containsEntry("PCD_REFUND_KEY", "refund-key")
            .containsEntry("PCD_PAY_DATE", "20261124")
            .containsEntry("PCD_REFUND_TOTAL", "400");
        assertThatThrownBy(
                () -> this.client.payments().refund(RefundRequest.of("o16", LocalDate.of(2026, 11, 24), 300)))
            .isInstanceOf(OutcomeUnknownException.class);
    }

    @Test
    void aWrongRefundKeyIsAnAuthenticationProblem() {
        String cancel = "/php/account/api/cPayCAct.php";
        this.gateway.on(AUTH, session(cancel))
            .on(cancel, json("PCD_PAY_RST", "error", "PCD_PAY_CODE", "PAYC0002", "PCD_PAY_MSG", "PCD_REFUND_KEY 오류"));

        assertThatThrownBy(
                () -> this.client.payments().refund(RefundRequest.of("o17", LocalDate.of(2026, 11, 24), 100)))
            .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aRefundIsNeverRetried() {
        String cancel = "/php/account/api/cPayCAct.php";
        this.gateway.on(AUTH, session(cancel)).on(cancel, noAnswer());

        assertThatThrownBy(
                () -> this.client.payments().refund(RefundRequest.of("o18", LocalDate.of(2026, 11, 24), 100)))
            .isInstanceOf(OutcomeUnknownException.class);
        assertThat(this.gateway.count(cancel)).isOne();
    }

    @Test
    void nothingSecretAppearsInToString() {
        CardRegistration card = new CardRegistration(Payer.NONE, "900101", "4242424242424242", "30", "12", "12");
        assertThat(card.toString()).doesNotContain("4242424242424242").doesNotContain("900101");
        assertThat(this.client.toString()).doesNotContain("abcd1234567890").doesNotContain("refund-key");
        assertThat(new AccountRegistration(Payer.NONE, false, "900101", "011", "12345678901").toString())
            .doesNotContain("12345678901")
            .doesNotContain("900101");
        assertThat(new OverseasCharge("bk", "c", java.math.BigDecimal.ONE, "USD", null, "987", null, null, null))
            .asString()
            .doesNotContain("987");
    }

    @Test
    void aChargeCarriesAnIdempotencyKeyTheCallerMayChooseForItsRetries() {
        this.gateway.on(AUTH, session(CHARGE)).on(CHARGE, approved("o9"));

        this.client.payments().charge(charge("o9"));
        this.client.payments().charge(charge("o9"), "order-o9-key");

        List<FakeGateway.Seen> charges = this.gateway.seen()
            .stream()
            .filter((seen) -> seen.path().equals(CHARGE))
            .toList();
        assertThat(charges.get(0).headers().get("Idempotency-Key")).startsWith("gyeol-");
        assertThat(charges.get(1).headers()).containsEntry("Idempotency-Key", "order-o9-key");
        // Authentication changes nothing and carries no key.
        assertThat(this.gateway.seen().stream().filter((seen) -> seen.path().equals(AUTH)))
            .allSatisfy((seen) -> assertThat(seen.headers()).doesNotContainKey("Idempotency-Key"));
    }

}
