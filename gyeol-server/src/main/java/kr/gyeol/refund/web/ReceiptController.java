package kr.gyeol.refund.web;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentStatus;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.refund.Refund;
import kr.gyeol.refund.RefundService;
import kr.gyeol.shared.KoreanTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.springframework.web.servlet.ModelAndView;

/**
 * The card receipt that {@code PCD_PAY_CARDRECEIPT} links to: a plain page with masked
 * data only, standing in for the card company's receipt.
 */
@Controller
class ReceiptController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(KoreanTime.ZONE);

    private final PaymentService payments;

    private final RefundService refunds;

    ReceiptController(PaymentService payments, RefundService refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @GetMapping(path = "/receipt/{tradeNumber}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ModelAndView receipt(@PathVariable String tradeNumber) {
        Payment payment = this.payments.findByTradeNumber(tradeNumber)
            .filter((found) -> found.status() == PaymentStatus.APPROVED && found.api() == PaymentApi.PAYPLE)
            .orElse(null);
        if (payment == null) {
            ModelAndView missing = new ModelAndView("receipt/card", Map.of("found", false));
            missing.setStatus(HttpStatus.NOT_FOUND);
            return missing;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("found", true);
        model.put("goods", payment.goods());
        model.put("institution", payment.institutionName());
        model.put("masked", payment.maskedNumber());
        model.put("approvalNumber", payment.approvalNumber());
        model.put("tradeNumber", payment.networkReference());
        model.put("amount", won(payment.amount().amount()));
        model.put("supply", won(payment.amount().minus(payment.vat()).amount()));
        model.put("vat", won(payment.vat().amount()));
        model.put("paidAt", TIME.format(payment.payTime()));
        // The approved cancels, with what is left.
        List<Refund> approved = this.refunds.approvedOf(payment.id());
        long refunded = approved.stream().mapToLong((refund) -> refund.amount().amount()).sum();
        model.put("hasRefunds", !approved.isEmpty());
        model.put("refunds",
                approved.stream()
                    .map((refund) -> Map.of("at",
                            TIME.format(refund.completedAt() != null ? refund.completedAt() : refund.requestedAt()),
                            "amount", won(refund.amount().amount())))
                    .toList());
        model.put("left", won(payment.amount().amount() - refunded));
        return new ModelAndView("receipt/card", model);
    }

    private static String won(long amount) {
        return String.format(Locale.KOREA, "%,d", amount);
    }

}
