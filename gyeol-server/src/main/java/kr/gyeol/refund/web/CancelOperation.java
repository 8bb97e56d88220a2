package kr.gyeol.refund.web;

import java.util.OptionalLong;
import java.util.Set;
import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.web.PartnerCalls;
import kr.gyeol.partner.web.PartnerOperation;
import kr.gyeol.payment.AfterRefund;
import kr.gyeol.shared.OrderId;
import kr.gyeol.payment.Payment;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.refund.RefundRejected;
import kr.gyeol.refund.RefundResult;
import kr.gyeol.refund.RefundService;
import kr.gyeol.refund.RefundStatus;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.SingleUse;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;
import org.springframework.stereotype.Component;

/**
 * Cancel / refund, {@code cPayCAct.php} (spec §1.8), also reached through
 * {@code PayChkAct.php} with the cancel flag. A refund below the remaining balance is a
 * partial cancel.
 */
@Component
class CancelOperation extends PartnerOperation {

    private static final String[] ECHOED = { Fields.PAY_OID, Fields.PAY_TYPE, Fields.REFUND_TOTAL, Fields.REGULER_FLAG,
            Fields.PAY_YEAR, Fields.PAY_MONTH, Fields.USER_DEFINE1, Fields.USER_DEFINE2 };

    private static final PartnerCalls.Refusals REFUSALS = new PartnerCalls.Refusals(ResponseCode.CBIL0002,
            ResponseCode.CBIL0001, ResponseCode.PAYC0001, ResponseCode.PAYC0001);

    private final RefundService refunds;

    CancelOperation(PartnerAuthentication authentication, RefundService refunds) {
        super(authentication);
        this.refunds = refunds;
    }

    @Override
    public Set<Endpoint> endpoints() {
        return Set.of(Endpoint.CANCEL);
    }

    /** The key is spent with the refund's reservation (or before a refusal). */
    @Override
    protected PartnerCalls.Envelope envelope(Endpoint endpoint) {
        return PartnerCalls.Envelope.spentByWork(Operation.CANCEL, REFUSALS);
    }

    @Override
    protected WireResponse malformed(WireRequest request, Endpoint endpoint) {
        // An amount the parser could not take answers the amount's code; anything else,
        // the operation's failure.
        boolean amount = request.malformedFields().contains(Fields.REFUND_TOTAL)
                || request.malformedFields().contains(Fields.REFUND_TAXTOTAL)
                || request.malformedFields().contains(Fields.PAY_TAXTOTAL);
        return (amount && !request.unreadableBody() ? WireResponse.error(ResponseCode.PAYC0003) : failure(endpoint))
            .echo(request, ECHOED);
    }

    @Override
    protected WireResponse refused(WireResponse refusal, WireRequest request, Endpoint endpoint) {
        return refusal.echo(request, ECHOED);
    }

    @Override
    protected WireResponse answer(AuthorizedCall call, WireRequest request, Endpoint endpoint) {
        String refundKey = request.get(Fields.REFUND_KEY);
        if (refundKey == null || !authentication().refundKeyMatches(call.partnerId(), refundKey)) {
            return PartnerCalls.refuse(call, WireResponse.error(ResponseCode.PAYC0002), REFUSALS).echo(request, ECHOED);
        }
        OptionalLong amount = WireValues.amount(request.get(Fields.REFUND_TOTAL));
        // Older documents name the VAT part of a refund PCD_PAY_TAXTOTAL (spec §1.8);
        // accept both.
        String vatText = request.first(Fields.REFUND_TAXTOTAL, Fields.PAY_TAXTOTAL);
        OptionalLong vat = vatText == null ? OptionalLong.empty() : WireValues.amount(vatText);
        if (amount.isEmpty() || amount.getAsLong() == 0 || (vatText != null && vat.isEmpty())) {
            return PartnerCalls.refuse(call, WireResponse.error(ResponseCode.PAYC0003), REFUSALS).echo(request, ECHOED);
        }
        RefundResult result;
        try {
            result = refunds.refund(call.partnerId(), OrderId.ofNullable(request.get(Fields.PAY_OID)),
                    WireValues.digits(request.get(Fields.PAY_DATE)), amount.getAsLong(),
                    vatText == null ? null : vat.getAsLong(), call.use());
        }
        catch (SingleUse.AlreadySpent e) {
            return PartnerCalls.spent(REFUSALS).echo(request, ECHOED);
        }
        catch (RefundRejected e) {
            return PartnerCalls.refuse(call, WireResponse.error(switch (e.reason()) {
                case WRONG_REFUND_KEY -> ResponseCode.PAYC0002;
                case INVALID_AMOUNT -> ResponseCode.PAYC0003;
                case PAYMENT_NOT_FOUND -> ResponseCode.PAYC0007;
                case EXCEEDS_BALANCE -> ResponseCode.PAYC0011;
                // The domestic API refunds won payments only, found by their won order
                // id.
                case CURRENCY_MISMATCH -> ResponseCode.PAYC0007;
                case NETWORK_REFUSED -> ResponseCode.PAYC0012;
            }), REFUSALS).echo(request, ECHOED);
        }
        Payment payment = result.payment();
        WireResponse answer = result.refund().status() == RefundStatus.APPROVED
                ? WireResponse.success(ResponseCode.PAYC0000) : unknownOutcome(Endpoint.CANCEL);
        answer.put(Fields.PAY_OID, payment.orderId())
            .put(Fields.PAY_TYPE, payment.instrument() == InstrumentType.CARD ? "card" : "transfer")
            .put(Fields.PAYER_NO, payment.payer().number())
            .put(Fields.PAYER_ID, payment.billingKeyId())
            .put(Fields.PAY_GOODS, payment.goods())
            .put(Fields.REGULER_FLAG, payment.monthly() ? "Y" : "N")
            .put(Fields.PAY_YEAR, payment.monthly() ? payment.billingPeriod().getYear() : "")
            .put(Fields.PAY_MONTH,
                    payment.monthly() ? String.format("%02d", payment.billingPeriod().getMonthValue()) : "")
            .put(Fields.PAY_TOTAL, payment.amount())
            .put(Fields.REFUND_TOTAL, result.refund().amount())
            .put(Fields.REFUND_TAXTOTAL, result.refund().vat())
            .put(Fields.PAY_TAXTOTAL, result.refund().vat())
            .put(Fields.REFUND_TIME, KoreanTime.seconds(result.refund().requestedAt()))
            .put(Fields.PAYER_EMAIL, request.get(Fields.PAYER_EMAIL))
            .put(Fields.USER_DEFINE1, request.get(Fields.USER_DEFINE1))
            .put(Fields.USER_DEFINE2, request.get(Fields.USER_DEFINE2));
        if (result.receipt() != AfterRefund.NONE) {
            // Spec §4.8: an account refund cancels the payment's cash receipt and says
            // so.
            answer.put(Fields.TAXSAVE_RST, "0000")
                .put(Fields.TAXSAVE_MSG,
                        result.receipt() == AfterRefund.CANCELLED ? "현금영수증 발행취소 완료" : "현금영수증 발행취소 완료, 남은 금액으로 재발행 완료");
        }
        if (payment.instrument() == InstrumentType.CARD) {
            answer.put(Fields.PAY_CARDTRADENUM, result.refund().networkReference())
                .put(Fields.PAY_CARDRECEIPT, request.baseUrl() + "/receipt/" + payment.networkReference());
        }
        return answer;
    }

    @Override
    public WireResponse failure(Endpoint endpoint) {
        return WireResponse.error(ResponseCode.PAYC0007);
    }

    @Override
    public WireResponse unknownOutcome(Endpoint endpoint) {
        return WireResponse.error(ResponseCode.PAYC0012, "카드사 승인취소 결과 미수신: 결과는 자동으로 확인되어 반영됩니다. 같은 취소를 다시 요청하지 마세요.");
    }

}
