package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.Map;

import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.PaymentId;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cash receipts (spec §1.12, §4.8): issued with an account payment that asks for one,
 * issued and cancelled through tsAct, cancelled (or re-issued for the rest) by refunds,
 * with every error code.
 */
class CashReceiptIT extends GatewayTest {

    private static final Map<String, String> SIMPLE = Map.of("PCD_SIMPLE_FLAG", "Y");

    @Autowired
    private CashReceipts receipts;

    @Autowired
    private PaymentService payments;

    private Map<String, String> chargeAccount(String key, String orderId, long amount, String taxsave) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PCD_PAY_TYPE", "transfer");
        body.put("PCD_PAYER_ID", key);
        body.put("PCD_PAYER_HP", "01012345678");
        body.put("PCD_PAY_GOODS", "월회비");
        body.put("PCD_PAY_TOTAL", String.valueOf(amount));
        body.put("PCD_PAY_OID", orderId);
        body.put("PCD_TAXSAVE_FLAG", taxsave);
        body.put("PCD_TAXSAVE_TRADE", "personal");
        body.put("PCD_TAXSAVE_IDNUM", "01012345678");
        return this.payple.call(SIMPLE, body);
    }

    private Map<String, String> receipt(String work, Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("PCD_PAY_WORK", work);
        return this.payple.call(Map.of("PCD_PAY_WORK", work), body);
    }

    private Map<String, String> lookup(String orderId) {
        return this.payple.call(Map.of("PCD_PAYCHK_FLAG", "Y"),
                Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE", KoreanTime.date(this.clock.instant())));
    }

    private String today() {
        return KoreanTime.date(this.clock.instant());
    }

    @Test
    void anAccountPaymentWithTheFlagIssuesItsReceiptAndARefundCancelsIt() {
        String key = this.payple.registerAccount("46012345678121");
        String orderId = PaypleTestClient.uniqueOrderId("receipt");
        Map<String, String> paid = chargeAccount(key, orderId, 11_000, "Y");
        assertThat(paid).containsEntry("PCD_PAY_CODE", "SPAY0000")
            .containsEntry("PCD_TAXSAVE_FLAG", "Y")
            .containsEntry("PCD_TAXSAVE_RST", "Y");
        String number = paid.get("PCD_TAXSAVE_MGTNUM");
        assertThat(number).matches("test[0-9]{14}");
        assertThat(lookup(orderId)).containsEntry("PCD_TAXSAVE_RST", "Y").containsEntry("PCD_TAXSAVE_MGTNUM", number);

        // A partial refund cancels the receipt and issues one for what remains.
        Map<String, String> partial = this.payple.refund(orderId, today(), 5_000);
        assertThat(partial).containsEntry("PCD_PAY_CODE", "PAYC0000").containsEntry("PCD_TAXSAVE_RST", "0000");
        assertThat(partial.get("PCD_TAXSAVE_MSG")).contains("재발행");
        Map<String, String> afterPartial = lookup(orderId);
        assertThat(afterPartial).containsEntry("PCD_TAXSAVE_RST", "Y");
        assertThat(afterPartial.get("PCD_TAXSAVE_MGTNUM")).isNotEqualTo(number).matches("test[0-9]{14}");

        // Refunding the rest cancels it for good.
        Map<String, String> rest = this.payple.refund(orderId, today(), 6_000);
        assertThat(rest).containsEntry("PCD_TAXSAVE_RST", "0000").containsEntry("PCD_TAXSAVE_MSG", "현금영수증 발행취소 완료");
        assertThat(lookup(orderId)).containsEntry("PCD_TAXSAVE_RST", "N").containsEntry("PCD_TAXSAVE_MGTNUM", "");

        // The ledger keeps both receipts: the first, and the one re-issued for the rest.
        PaymentId paymentId = this.payments.find(PartnerId.of(PaypleTestClient.PARTNER), OrderId.of(orderId))
            .orElseThrow()
            .id();
        assertThat(this.receipts.history(paymentId))
            .extracting(CashReceipt::number, CashReceipt::amount, CashReceipt::status)
            .containsExactly(tuple(number, Money.won(11_000), CashReceipt.Status.CANCELLED),
                    tuple(afterPartial.get("PCD_TAXSAVE_MGTNUM"), Money.won(6_000), CashReceipt.Status.CANCELLED));
    }

    @Test
    void tsregIssuesAndTscancelCancels() {
        String key = this.payple.registerAccount("46012345678121");
        String orderId = PaypleTestClient.uniqueOrderId("tsreg");
        assertThat(chargeAccount(key, orderId, 15_000, "N")).containsEntry("PCD_TAXSAVE_RST", "N");

        Map<String, String> issued = receipt("TSREG",
                Map.of("PCD_PAYER_ID", key, "PCD_PAY_OID", orderId, "PCD_TAXSAVE_AMOUNT", "15000",
                        "PCD_TAXSAVE_TRADEUSE", "company", "PCD_TAXSAVE_IDENTINUM", "1234567890"));
        assertThat(issued).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "TSRG0000")
            .containsEntry("PCD_PAY_MSG", "현금영수증 발행 완료")
            .containsEntry("PCD_PAY_WORK", "TSREG")
            .containsEntry("PCD_PAYER_ID", key)
            .containsEntry("PCD_PAY_OID", orderId)
            .containsEntry("PCD_TAXSAVE_AMOUNT", "15000")
            .containsEntry("PCD_TAXSAVE_TAXTOTAL", "1364");
        assertThat(issued.get("PCD_TAXSAVE_MGTNUM")).matches("test[0-9]{14}");
        assertThat(receipt("TSREG", Map.of("PCD_PAY_OID", orderId))).containsEntry("PCD_PAY_CODE", "TSRG0005");

        Map<String, String> cancelled = receipt("TSCANCEL", Map.of("PCD_PAYER_ID", key, "PCD_PAY_OID", orderId));
        assertThat(cancelled).containsEntry("PCD_PAY_RST", "success")
            .containsEntry("PCD_PAY_CODE", "TSCC0000")
            .containsEntry("PCD_PAY_MSG", "현금영수증 발행취소 완료")
            .containsEntry("PCD_PAY_WORK", "TSCANCEL")
            .containsEntry("PCD_TAXSAVE_MGTNUM", issued.get("PCD_TAXSAVE_MGTNUM"));
        assertThat(receipt("TSCANCEL", Map.of("PCD_PAY_OID", orderId))).containsEntry("PCD_PAY_CODE", "TSCC0001");
        assertThat(lookup(orderId)).containsEntry("PCD_TAXSAVE_RST", "N");

        // Once cancelled it may be issued again, for part of the payment.
        Map<String, String> again = receipt("TSREG", Map.of("PCD_PAY_OID", orderId, "PCD_TAXSAVE_AMOUNT", "5000"));
        assertThat(again).containsEntry("PCD_PAY_CODE", "TSRG0000").containsEntry("PCD_TAXSAVE_AMOUNT", "5000");
        assertThat(again.get("PCD_TAXSAVE_MGTNUM")).isNotEqualTo(issued.get("PCD_TAXSAVE_MGTNUM"));
    }

    @Test
    void refusesWhatItCannotIssue() {
        String key = this.payple.registerAccount("46012345678121");
        String orderId = PaypleTestClient.uniqueOrderId("tsbad");
        chargeAccount(key, orderId, 15_000, "N");
        assertThat(receipt("TSREG", Map.of("PCD_PAY_OID", "no-such-order"))).containsEntry("PCD_PAY_RST", "error")
            .containsEntry("PCD_PAY_CODE", "TSRG0002")
            .containsEntry("PCD_PAY_WORK", "TSREG");
        assertThat(receipt("TSREG", Map.of()).get("PCD_PAY_CODE")).isEqualTo("TSRG0002");
        assertThat(receipt("TSREG", Map.of("PCD_PAY_OID", orderId, "PCD_PAYER_ID", "another-key")))
            .containsEntry("PCD_PAY_CODE", "TSRG0004");
        assertThat(receipt("TSREG", Map.of("PCD_PAY_OID", orderId, "PCD_TAXSAVE_AMOUNT", "15001")))
            .containsEntry("PCD_PAY_CODE", "TSRG0006");
        assertThat(receipt("TSREG", Map.of("PCD_PAY_OID", orderId, "PCD_TAXSAVE_AMOUNT", "abc")))
            .containsEntry("PCD_PAY_CODE", "TSRG0006");
        assertThat(receipt("TSREG",
                Map.of("PCD_PAY_OID", orderId, "PCD_TAXSAVE_AMOUNT", "100", "PCD_TAXSAVE_TAXTOTAL", "101")))
            .containsEntry("PCD_PAY_CODE", "TSRG0006");

        String card = this.payple.registerCard(PaypleTestClient.CARD);
        String cardOrder = PaypleTestClient.uniqueOrderId("tscard");
        this.payple.chargeCard(card, cardOrder, 1000);
        assertThat(receipt("TSREG", Map.of("PCD_PAY_OID", cardOrder))).containsEntry("PCD_PAY_CODE", "TSRG0003");

        // A key for another operation is refused as on every Payple URL.
        Map<String, String> wrongKey = this.payple.auth(Map.of("PCD_PAYCHK_FLAG", "Y"));
        assertThat(
                this.payple.post(this.payple.baseUrl() + "/php/taxsave/api/tsAct.php?ACT_=TSREG",
                        Map.of("PCD_CST_ID", wrongKey.get("cst_id"), "PCD_CUST_KEY", wrongKey.get("custKey"),
                                "PCD_AUTH_KEY", wrongKey.get("AuthKey"), "PCD_PAY_OID", orderId)))
            .containsEntry("PCD_PAY_CODE", "CBIL0001");
    }

}
