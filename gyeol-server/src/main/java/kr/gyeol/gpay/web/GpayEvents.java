package kr.gyeol.gpay.web;

import java.util.Map;
import java.util.Optional;

import kr.gyeol.shared.RefundId;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.refund.RefundService;
import kr.gyeol.shared.EventPayloads;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.PaymentId;

import org.springframework.stereotype.Component;

/**
 * The overseas webhook bodies (spec §5.6): the payment or cancel as the API answered it,
 * nested {@code info} included.
 */
@Component
class GpayEvents implements EventPayloads {

    private final PaymentService payments;

    private final RefundService refunds;

    GpayEvents(PaymentService payments, RefundService refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @Override
    public Optional<Map<String, ?>> render(EventType type, String subjectId, String baseUrl) {
        return switch (type) {
            case GPAY_PAYMENT -> this.payments.findById(PaymentId.of(subjectId))
                .filter((payment) -> payment.api() == PaymentApi.GPAY)
                .map(GpayAnswers::payment);
            case GPAY_CANCEL -> this.refunds.find(RefundId.of(subjectId))
                .filter((found) -> found.payment().api() == PaymentApi.GPAY)
                .map((found) -> GpayAnswers.cancel(found.refund(), found.payment(),
                        found.payment().overseas().resultUrl()));
            default -> Optional.empty();
        };
    }

}
