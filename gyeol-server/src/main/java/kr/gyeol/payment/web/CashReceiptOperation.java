package kr.gyeol.payment.web;

import java.util.OptionalLong;
import java.util.Set;

import kr.gyeol.partner.Operation;
import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.web.PartnerCalls;
import kr.gyeol.partner.web.PartnerOperation;
import kr.gyeol.payment.PaymentReceipts;
import kr.gyeol.payment.CashReceiptRejected;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.OrderId;
import kr.gyeol.payment.Payment;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;

import org.springframework.stereotype.Component;

/**
 * Cash receipt issue and cancel, {@code tsAct.php?ACT_=TSREG} / {@code TSCANCEL} (spec
 * §1.12), for account payments.
 */
@Component
class CashReceiptOperation extends PartnerOperation {

    private static final String[] ECHOED = { Fields.PAY_WORK, Fields.PAYER_ID, Fields.PAY_OID, Fields.REGULER_FLAG,
            Fields.TAXSAVE_AMOUNT };

    private static final PartnerCalls.Refusals REFUSALS = new PartnerCalls.Refusals(ResponseCode.TSRG0001,
            ResponseCode.CBIL0001, ResponseCode.TSRG0001, ResponseCode.TSRG0001);

    private final PaymentReceipts receipts;

    CashReceiptOperation(PartnerAuthentication authentication, PaymentReceipts receipts) {
        super(authentication);
        this.receipts = receipts;
    }

    @Override
    public Set<Endpoint> endpoints() {
        return Set.of(Endpoint.CASH_RECEIPT_ISSUE, Endpoint.CASH_RECEIPT_CANCEL);
    }

    @Override
    protected PartnerCalls.Envelope envelope(Endpoint endpoint) {
        return PartnerCalls.Envelope.of(
                endpoint == Endpoint.CASH_RECEIPT_ISSUE ? Operation.CASH_RECEIPT_ISSUE : Operation.CASH_RECEIPT_CANCEL,
                REFUSALS);
    }

    @Override
    protected WireResponse malformed(WireRequest request, Endpoint endpoint) {
        return refused(failure(endpoint), request, endpoint);
    }

    @Override
    protected WireResponse refused(WireResponse refusal, WireRequest request, Endpoint endpoint) {
        return refusal.echo(request, ECHOED).put(Fields.PAY_WORK, work(endpoint));
    }

    private static String work(Endpoint endpoint) {
        return endpoint == Endpoint.CASH_RECEIPT_ISSUE ? "TSREG" : "TSCANCEL";
    }

    @Override
    protected WireResponse answer(AuthorizedCall call, WireRequest request, Endpoint endpoint) {
        boolean issue = endpoint == Endpoint.CASH_RECEIPT_ISSUE;
        String work = work(endpoint);
        String orderId = request.get(Fields.PAY_OID);
        if (orderId == null) {
            return WireResponse.error(ResponseCode.TSRG0002).echo(request, ECHOED).put(Fields.PAY_WORK, work);
        }
        Payment payment;
        try {
            if (issue) {
                OptionalLong amount = amount(request.get(Fields.TAXSAVE_AMOUNT));
                OptionalLong vat = amount(request.get(Fields.TAXSAVE_TAXTOTAL));
                if (amount == null || vat == null) {
                    return WireResponse.error(ResponseCode.TSRG0006).echo(request, ECHOED).put(Fields.PAY_WORK, work);
                }
                payment = this.receipts.issue(call.partnerId(), OrderId.of(orderId),
                        BillingKeyId.ofNullable(request.get(Fields.PAYER_ID)),
                        amount.isPresent() ? amount.getAsLong() : null, vat.isPresent() ? vat.getAsLong() : null,
                        request.get(Fields.TAXSAVE_TRADEUSE), request.get(Fields.TAXSAVE_IDENTINUM));
            }
            else {
                payment = this.receipts.cancel(call.partnerId(), OrderId.of(orderId),
                        BillingKeyId.ofNullable(request.get(Fields.PAYER_ID)));
            }
        }
        catch (CashReceiptRejected ex) {
            return WireResponse.error(switch (ex.reason()) {
                case PAYMENT_NOT_FOUND -> ResponseCode.TSRG0002;
                case NOT_AN_ACCOUNT_PAYMENT -> ResponseCode.TSRG0003;
                case BILLING_KEY_MISMATCH -> ResponseCode.TSRG0004;
                case ALREADY_ISSUED -> ResponseCode.TSRG0005;
                case INVALID_AMOUNT -> ResponseCode.TSRG0006;
                case NONE_ISSUED -> ResponseCode.TSCC0001;
            }).echo(request, ECHOED).put(Fields.PAY_WORK, work);
        }
        return WireResponse.success(issue ? ResponseCode.TSRG0000 : ResponseCode.TSCC0000)
            .put(Fields.PAY_WORK, work)
            .put(Fields.PAYER_ID, payment.billingKeyId())
            .put(Fields.PAY_OID, payment.orderId())
            .put(Fields.REGULER_FLAG, payment.monthly() ? "Y" : "N")
            .put(Fields.TAXSAVE_AMOUNT, payment.receipt().amount())
            .put(Fields.TAXSAVE_TAXTOTAL, payment.receipt().vat())
            .put(Fields.TAXSAVE_MGTNUM, payment.receipt().number());
    }

    /**
     * An optional amount: empty when absent (or JSON null), null when not an amount.
     */
    private static OptionalLong amount(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        OptionalLong amount = WireValues.amount(value);
        return amount.isPresent() ? amount : null;
    }

    @Override
    public WireResponse failure(Endpoint endpoint) {
        return WireResponse.error(ResponseCode.TSRG0001);
    }

}
