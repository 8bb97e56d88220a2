package kr.gyeol.client;

import static kr.gyeol.client.FakeGateway.json;
import static kr.gyeol.client.FakeGateway.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window's server side: the SDK's auth file and reading what the window posted. */
class WindowsTest {

    private static final String AUTH = "/php/auth.php";

    private final FakeGateway gateway = new FakeGateway();

    private final GyeolClient client = GyeolClient.builder()
        .hosts(Hosts.gyeol(FakeGateway.BASE))
        .partner("test", "abcd1234567890")
        .referer("http://shop.test")
        .transport(this.gateway)
        .build();

    @Test
    void authenticateHandsTheSdkTheAuthAnswerAsItCame() {
        this.gateway.on(AUTH, session("/index.php?ACT_=PAYM"));

        Map<String, String> answer = this.client.windows().authenticate(PayType.ACCOUNT);

        assertThat(answer).containsEntry("result", "success")
            .containsEntry("AuthKey", "auth-" + "/index.php?ACT_=PAYM".hashCode())
            .containsEntry("PCD_PAY_URL", "/index.php?ACT_=PAYM")
            .containsEntry("return_url", FakeGateway.BASE + "/index.php?ACT_=PAYM");
        assertThat(this.gateway.seen().get(0).body()).containsEntry("cst_id", "test")
            .containsEntry("custKey", "abcd1234567890")
            .containsEntry("PCD_PAY_TYPE", "transfer");
    }

    @Test
    void theSdksPostNamesThePayType() {
        this.gateway.on(AUTH, session("/index.php?ACT_=PAYM"), session("/index.php?ACT_=PAYM"));

        this.client.windows().authenticate(Map.of("PCD_PAY_TYPE", "transfer", "PCD_PAY_WORK", "AUTH"));
        this.client.windows().authenticate(Map.of("PCD_PAY_TYPE", "bitcoin"));

        assertThat(this.gateway.seen().get(0).body()).containsEntry("PCD_PAY_TYPE", "transfer");
        assertThat(this.gateway.seen().get(1).body()).containsEntry("PCD_PAY_TYPE", "card");
    }

    @Test
    void aRefusedPartnerIsAnAuthenticationException() {
        this.gateway.on(AUTH, json("result", "error", "result_msg", "[AUTH0001] 가맹점 인증 실패"));

        assertThatThrownBy(() -> this.client.windows().authenticate(PayType.CARD))
            .isInstanceOf(AuthenticationException.class)
            .extracting((ex) -> ((GyeolException) ex).code())
            .isEqualTo("AUTH0001");
    }

    @Test
    void readsARegistrationWithAPassword() {
        WindowResult result = this.client.windows()
            .result(Map.of("PCD_PAY_RST", "success", "PCD_PAY_CODE", "CPCA0000", "PCD_PAY_MSG", "카드등록완료",
                    "PCD_PAY_TYPE", "card", "PCD_PAY_WORK", "AUTH", "PCD_PAYER_ID", "bk1", "PCD_SIMPLE_FLAG", "Y",
                    "PCD_PAY_TIME", "20261124090000", "PCD_PAY_OID", ""));

        assertThat(result.success()).isTrue();
        assertThat(result.payType()).isEqualTo(PayType.CARD);
        assertThat(result.billingKey()).isEqualTo("bk1");
        assertThat(result.orderId()).as("an empty field is no order id").isNull();
        assertThat(result.paidAt()).isEqualTo(LocalDateTime.of(2026, 11, 24, 9, 0));
        assertThat(result.passwordRegistered()).isTrue();
        assertThat(result.certApproval()).isEmpty();
        assertThat(result.fields()).containsEntry("PCD_PAY_CODE", "CPCA0000");
    }

    @Test
    void aCertResultCarriesItsApproval() {
        WindowResult result = WindowResult
            .fromPost(Map.of("PCD_PAY_RST", "success", "PCD_PAY_TYPE", "transfer", "PCD_PAY_WORK", "CERT",
                    "PCD_PAY_OID", "o1", "PCD_PAYER_ID", "bk2", "PCD_AUTH_KEY", "ak", "PCD_PAY_REQKEY", "rk"));

        assertThat(result.passwordRegistered()).isFalse();
        assertThat(result.certApproval()).hasValueSatisfying((approval) -> {
            assertThat(approval.payType()).isEqualTo(PayType.ACCOUNT);
            assertThat(approval.orderId()).isEqualTo("o1");
            assertThat(approval.requestKey()).isEqualTo("rk");
            assertThat(approval.billingKey()).isEqualTo("bk2");
        });
    }

    @Test
    void aFailedOrClosedWindowHasNoApproval() {
        WindowResult closed = WindowResult.fromPost(Map.of("PCD_PAY_RST", "close", "PCD_PAY_TYPE", "card",
                "PCD_PAY_WORK", "CERT", "PCD_AUTH_KEY", "ak", "PCD_PAY_REQKEY", "rk"));
        WindowResult odd = WindowResult.fromPost(Map.of("PCD_PAY_RST", "error", "PCD_PAY_TYPE", "bitcoin"));

        assertThat(closed.success()).isFalse();
        assertThat(closed.certApproval()).isEmpty();
        assertThat(odd.payType()).isNull();
    }

}
