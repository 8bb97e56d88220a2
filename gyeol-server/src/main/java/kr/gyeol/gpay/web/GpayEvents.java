package kr.gyeol.gpay.web;

import java.util.Map;
import java.util.Optional;

import kr.gyeol.gpay.GpayPayments;
import kr.gyeol.shared.EventPayloads;
import kr.gyeol.shared.EventType;

import org.springframework.stereotype.Component;

/**
 * The overseas webhook bodies (spec §5.6): the payment or cancel as the API answered it,
 * nested {@code info} included.
 */
@Component
class GpayEvents implements EventPayloads {

    private final GpayPayments payments;

    GpayEvents(GpayPayments payments) {
        this.payments = payments;
    }

    @Override
    public Optional<Map<String, ?>> render(EventType type, String subjectId, String baseUrl) {
        return switch (type) {
            case GPAY_PAYMENT -> this.payments.find(subjectId).map(GpayAnswers::payment);
            case GPAY_CANCEL -> this.payments.findCancel(subjectId)
                .map((cancel) -> GpayAnswers.cancel(cancel, cancel.payment().resultUrl()));
            default -> Optional.empty();
        };
    }

}
