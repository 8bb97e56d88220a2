package kr.gyeol.refund.web;

import java.util.Map;
import java.util.Optional;

import kr.gyeol.shared.RefundId;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.payment.web.PaymentAnswers;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.refund.RefundStatus;
import kr.gyeol.refund.jdbc.RefundRepository;
import kr.gyeol.shared.EventPayloads;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.web.WireResponse;

import org.springframework.stereotype.Component;

/**
 * The webhook body of an approved refund (spec §6): the payment's fields with
 * {@code PCD_PAYCANCEL_FLAG=Y}, the refunded amount and its time.
 */
@Component
class RefundEvents implements EventPayloads {

    private final RefundRepository refunds;

    private final PaymentService payments;

    RefundEvents(RefundRepository refunds, PaymentService payments) {
        this.refunds = refunds;
        this.payments = payments;
    }

    @Override
    public Optional<Map<String, ?>> render(EventType type, String subjectId, String baseUrl) {
        if (type != EventType.CANCEL) {
            return Optional.empty();
        }
        return this.refunds.find(RefundId.of(subjectId))
            .filter((refund) -> refund.status() == RefundStatus.APPROVED)
            .flatMap((refund) -> this.payments.findById(refund.paymentId()).map((payment) -> {
                WireResponse answer = WireResponse.success(ResponseCode.PAYC0000)
                    .put(Fields.CST_ID, payment.partnerId());
                PaymentAnswers.describe(answer, payment, baseUrl, false);
                return answer.put(Fields.PAYCANCEL_FLAG, "Y")
                    .put(Fields.REFUND_TOTAL, refund.amount())
                    .put(Fields.REFUND_TIME,
                            KoreanTime
                                .seconds(refund.completedAt() != null ? refund.completedAt() : refund.requestedAt()))
                    .fields();
            }));
    }

}
