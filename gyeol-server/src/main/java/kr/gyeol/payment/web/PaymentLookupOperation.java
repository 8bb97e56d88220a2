package kr.gyeol.payment.web;

import java.util.Set;
import kr.gyeol.shared.OrderId;
import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.web.PartnerCalls;
import kr.gyeol.partner.web.PartnerOperation;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;
import org.springframework.stereotype.Component;

/**
 * Payment result lookup, {@code PayChkAct.php} (spec §1.9): the payment as it was at
 * completion. The AuthKey may be reused for thirty minutes. Legacy cancels posted here
 * are routed to the cancel operation by the wire edge.
 */
@Component
class PaymentLookupOperation extends PartnerOperation {

    private static final PartnerCalls.Refusals REFUSALS = new PartnerCalls.Refusals(ResponseCode.CBIL0002,
            ResponseCode.CBIL0001, ResponseCode.AUTH0001, ResponseCode.AUTH0002);

    private final PaymentService payments;

    PaymentLookupOperation(PartnerAuthentication authentication, PaymentService payments) {
        super(authentication);
        this.payments = payments;
    }

    @Override
    public Set<Endpoint> endpoints() {
        return Set.of(Endpoint.PAYMENT_LOOKUP);
    }

    @Override
    protected PartnerCalls.Envelope envelope(Endpoint endpoint) {
        return PartnerCalls.Envelope.of(Operation.PAYMENT_LOOKUP, REFUSALS);
    }

    @Override
    protected WireResponse malformed(WireRequest request, Endpoint endpoint) {
        return refused(failure(endpoint), request, endpoint);
    }

    @Override
    protected WireResponse refused(WireResponse refusal, WireRequest request, Endpoint endpoint) {
        return refusal.echo(request, Fields.PAY_OID, Fields.PAY_TYPE);
    }

    @Override
    protected WireResponse answer(AuthorizedCall call, WireRequest request, Endpoint endpoint) {
        String orderId = request.get(Fields.PAY_OID);
        String date = request.get(Fields.PAY_DATE);
        Payment payment = orderId == null || date == null ? null
                : payments.find(call.partnerId(), OrderId.of(orderId))
                    .filter(found -> date.equals(KoreanTime.date(found.requestedAt()))
                            || date.equals(KoreanTime.date(found.payTime())))
                    .orElse(null);
        if (payment == null) {
            return WireResponse.error(ResponseCode.CBIL0003).echo(request, Fields.PAY_OID, Fields.PAY_TYPE);
        }
        boolean card = payment.instrument() == InstrumentType.CARD;
        WireResponse answer = switch (payment.status()) {
            case APPROVED -> WireResponse.success(ResponseCode.PCHK000).put(Fields.PAY_MSG, card ? "결제완료" : "출금이체완료");
            case DECLINED -> WireResponse.institutionError(
                    card ? (payment.monthly() ? ResponseCode.RPCD0019 : ResponseCode.SPCD0018)
                            : (payment.monthly() ? ResponseCode.CPAY0022 : ResponseCode.SPAY0012),
                    call.testMode(), payment.decline().institutionCode(), payment.decline().institutionMessage());
            case UNKNOWN, PENDING ->
                WireResponse.error(card ? (payment.monthly() ? ResponseCode.RPCD1001 : ResponseCode.SPCD1001)
                        : (payment.monthly() ? ResponseCode.CPAY0018 : ResponseCode.SPAY0011));
        };
        PaymentAnswers.describe(answer, payment, request.baseUrl(), true);
        if (!payment.monthly()) {
            answer.put(Fields.REGULER_FLAG, "N").put(Fields.PAY_YEAR, "").put(Fields.PAY_MONTH, "");
        }
        return answer;
    }

    @Override
    public WireResponse failure(Endpoint endpoint) {
        return WireResponse.error(ResponseCode.CBIL0003);
    }

}
