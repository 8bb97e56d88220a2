package kr.gyeol.window.web;

import java.util.Set;

import kr.gyeol.network.DeclineReason;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.web.PartnerCalls;
import kr.gyeol.partner.web.PartnerOperation;
import kr.gyeol.payment.Payment;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.payment.web.PaymentAnswers;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;
import kr.gyeol.window.ConfirmationRefused;
import kr.gyeol.window.WindowConfirmations;

import org.springframework.stereotype.Component;

/**
 * CERT final approval of a card payment, {@code PayCardConfirmAct.php} (spec §1.5): the
 * partner confirms with the window result's {@code PCD_AUTH_KEY} and
 * {@code PCD_PAY_REQKEY}, raw credentials allowed; the card is charged only now, and only
 * once.
 */
@Component
class ConfirmOperation extends PartnerOperation {

    private static final PartnerCalls.Refusals REFUSALS = new PartnerCalls.Refusals(ResponseCode.CPCA0005,
            ResponseCode.CBIL0001, ResponseCode.AUTH0001, ResponseCode.AUTH0002);

    private static final String[] ECHOED = { Fields.PAY_REQKEY, Fields.PAYER_ID, Fields.PAY_TYPE };

    private final WindowConfirmations windows;

    ConfirmOperation(PartnerAuthentication authentication, WindowConfirmations windows) {
        super(authentication);
        this.windows = windows;
    }

    @Override
    public Set<Endpoint> endpoints() {
        return Set.of(Endpoint.CARD_CONFIRM, Endpoint.ACCOUNT_CONFIRM);
    }

    @Override
    protected PartnerCalls.Envelope envelope(Endpoint endpoint) {
        return PartnerCalls.Envelope.of(Operation.PAYMENT_CONFIRM, REFUSALS);
    }

    @Override
    protected WireResponse malformed(WireRequest request, Endpoint endpoint) {
        return failure(endpoint).echo(request, ECHOED);
    }

    @Override
    protected WireResponse refused(WireResponse refusal, WireRequest request, Endpoint endpoint) {
        return refusal.echo(request, ECHOED);
    }

    @Override
    protected WireResponse answer(AuthorizedCall call, WireRequest request, Endpoint endpoint) {
        Payment payment;
        try {
            payment = this.windows.confirm(call, request.get(Fields.PAY_REQKEY),
                    BillingKeyId.ofNullable(request.get(Fields.PAYER_ID)));
        }
        catch (ConfirmationRefused ex) {
            return WireResponse.error(switch (ex.reason()) {
                case REQUEST_NOT_FOUND -> ResponseCode.CPCA0005;
                case BILLING_KEY_MISMATCH -> ResponseCode.CPCA0004;
                case CHARGE_REFUSED -> switch (ex.chargeReason()) {
                    case DUPLICATE_ORDER_ID -> ResponseCode.CPCA0201;
                    case ALREADY_CHARGED_THIS_MONTH -> ResponseCode.RPCD0015;
                    default -> ResponseCode.CPCA9999;
                };
            }).echo(request, ECHOED);
        }
        boolean card = payment.instrument() == InstrumentType.CARD;
        WireResponse answer = switch (payment.status()) {
            // Only the card confirmation's code is published (PCCF0000); the account one
            // answers
            // the plain 0000 that Payple's 2021 table shows for confirmations.
            case APPROVED -> card ? WireResponse.success(ResponseCode.PCCF0000)
                    : WireResponse.success(ResponseCode.WINDOW_SUCCESS).put(Fields.PAY_MSG, "출금이체완료");
            case DECLINED ->
                payment.decline().reason() == DeclineReason.BANK_MAINTENANCE ? WireResponse.error(ResponseCode.SPAY9998)
                        : WireResponse.institutionError(card ? ResponseCode.CPCA9999 : ResponseCode.SPAY0012,
                                call.testMode(), payment.decline().institutionCode(),
                                payment.decline().institutionMessage());
            case UNKNOWN, PENDING -> WireResponse.error(card ? ResponseCode.CPCA0010 : ResponseCode.SPAY0011);
        };
        PaymentAnswers.describe(answer, payment, request.baseUrl(), false);
        return answer.put(Fields.PAY_REQKEY, request.get(Fields.PAY_REQKEY))
            .put(Fields.PAY_AMOUNT, payment.amount())
            .put(Fields.PAY_DISCOUNT, 0)
            .put(Fields.PAY_AMOUNT_REAL, payment.amount());
    }

    @Override
    public WireResponse failure(Endpoint endpoint) {
        return WireResponse.error(ResponseCode.CPCA9999);
    }

}
