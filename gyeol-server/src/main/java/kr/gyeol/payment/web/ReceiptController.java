package kr.gyeol.payment.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentStatus;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.refund.Refund;
import kr.gyeol.refund.RefundService;
import kr.gyeol.shared.KoreanTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The card receipt that {@code PCD_PAY_CARDRECEIPT} links to: a plain page with masked
 * data only, standing in for the card company's receipt.
 */
@RestController
class ReceiptController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(KoreanTime.ZONE);

    private final PaymentService payments;

    private final RefundService refunds;

    ReceiptController(PaymentService payments, RefundService refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    /** The payment's approved cancels, with what is left, or nothing when none. */
    private String refunds(Payment payment) {
        List<Refund> approved = this.refunds.approvedOf(payment.id());
        if (approved.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>취소 내역</h2><table><tr><th>취소일시</th><th>취소금액</th></tr>");
        long refunded = 0;
        for (Refund refund : approved) {
            refunded += refund.amount().amount();
            html.append("<tr><td>")
                .append(TIME.format(refund.completedAt() != null ? refund.completedAt() : refund.requestedAt()))
                .append("</td><td>")
                .append(String.format("%,d원", refund.amount().amount()))
                .append("</td></tr>");
        }
        return html.append("</table><p>남은 금액 ")
            .append(String.format("%,d원", payment.amount().amount() - refunded))
            .append("</p>")
            .toString();
    }

    @GetMapping(path = "/receipt/{tradeNumber}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> receipt(@PathVariable String tradeNumber) {
        Payment payment = payments.findByTradeNumber(tradeNumber)
            .filter(p -> p.status() == PaymentStatus.APPROVED && p.api() == PaymentApi.PAYPLE)
            .orElse(null);
        if (payment == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML)
                .body("<!doctype html><meta charset=utf-8><title>영수증 없음</title><p>영수증을 찾을 수 없습니다.");
        }
        String html = """
                <!doctype html><html lang="ko"><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>카드 매출전표</title>
                <body style="font-family:sans-serif;max-width:28rem;margin:2rem auto">
                <h1>카드 매출전표</h1>
                <dl>
                <dt>상품명</dt><dd>%s</dd>
                <dt>카드</dt><dd>%s %s</dd>
                <dt>승인번호</dt><dd>%s</dd>
                <dt>거래번호</dt><dd>%s</dd>
                <dt>결제금액</dt><dd>%,d원 (부가세 %,d원)</dd>
                <dt>결제일시</dt><dd>%s</dd>
                </dl>
                %s
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(payment.goods()), HtmlUtils.htmlEscape(payment.institutionName()),
                HtmlUtils.htmlEscape(payment.maskedNumber()), HtmlUtils.htmlEscape(payment.approvalNumber()),
                HtmlUtils.htmlEscape(payment.networkReference()), payment.amount().amount(), payment.vat(),
                TIME.format(payment.payTime()), refunds(payment));
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
            .body(html);
    }

}
