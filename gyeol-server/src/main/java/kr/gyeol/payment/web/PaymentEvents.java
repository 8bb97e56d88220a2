package kr.gyeol.payment.web;

import java.util.Map;
import java.util.Optional;

import kr.gyeol.shared.PaymentId;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.payment.PaymentStatus;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.shared.EventPayloads;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.web.WireResponse;

import org.springframework.stereotype.Component;

/**
 * The webhook body of a payment result (spec §6): the fields of the window's result
 * (§3.4), whichever way the payment was made.
 */
@Component
class PaymentEvents implements EventPayloads {

    private final PaymentService payments;

    PaymentEvents(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public Optional<Map<String, ?>> render(EventType type, String subjectId, String baseUrl) {
        if (type != EventType.PAYMENT) {
            return Optional.empty();
        }
        return this.payments.findById(PaymentId.of(subjectId)).map((payment) -> fields(payment, baseUrl));
    }

    static Map<String, String> fields(Payment payment, String baseUrl) {
        boolean card = payment.instrument() == InstrumentType.CARD;
        WireResponse answer;
        if (payment.status() == PaymentStatus.APPROVED) {
            answer = WireResponse.success(ResponseCode.WINDOW_SUCCESS).put(Fields.PAY_MSG, card ? "카드결제완료" : "출금이체완료");
        }
        else {
            // Payple's own results for a decline are per operation; the webhook uses the
            // window's codes, with the network's reason as every decline does.
            answer = WireResponse.institutionError(card ? ResponseCode.CPCA9999 : ResponseCode.SPAY0012, false,
                    payment.decline() == null ? null : payment.decline().institutionCode(),
                    payment.decline() == null ? null : payment.decline().institutionMessage());
        }
        answer.put(Fields.CST_ID, payment.partnerId());
        return PaymentAnswers.describe(answer, payment, baseUrl, false).fields();
    }

}
