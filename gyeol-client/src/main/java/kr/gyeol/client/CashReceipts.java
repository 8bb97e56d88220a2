package kr.gyeol.client;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.protocol.Fields;

/**
 * Cash receipts for account payments, issued or cancelled after the payment (spec §1.12).
 * Get it from {@link GyeolClient#cashReceipts()}. Both are sent once.
 */
public final class CashReceipts {

    private final Domestic domestic;

    CashReceipts(Domestic domestic) {
        this.domestic = domestic;
    }

    /**
     * Issues a cash receipt ({@code TSREG}).
     * @throws InvalidRequestException when there is no such account payment, or it
     * already has a receipt
     */
    public CashReceipt issue(CashReceiptRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.PAY_WORK, "TSREG");
        body.put(Fields.PAY_OID, request.orderId());
        Payments.putIfPresent(body, Fields.PAYER_ID, request.billingKey());
        body.put(Fields.TAXSAVE_AMOUNT, Long.toString(request.amount()));
        if (request.vat() != null) {
            body.put(Fields.TAXSAVE_TAXTOTAL, request.vat().toString());
        }
        if (request.use() != null) {
            body.put(Fields.TAXSAVE_TRADEUSE, request.use().wire());
        }
        Payments.putIfPresent(body, Fields.TAXSAVE_IDENTINUM, request.identityNumber());
        return receipt(this.domestic.once(Map.of(Fields.PAY_WORK, "TSREG"), body, request.orderId()),
                request.orderId());
    }

    /**
     * Cancels the cash receipt of a payment ({@code TSCANCEL}).
     * @param billingKey the billing key the payment was made with, or null
     * @throws InvalidRequestException when the payment has no receipt
     */
    public CashReceipt cancel(String orderId, String billingKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.PAY_WORK, "TSCANCEL");
        body.put(Fields.PAY_OID, orderId);
        Payments.putIfPresent(body, Fields.PAYER_ID, billingKey);
        return receipt(this.domestic.once(Map.of(Fields.PAY_WORK, "TSCANCEL"), body, orderId), orderId);
    }

    private static CashReceipt receipt(Map<String, String> answer, String orderId) {
        if (!Domestic.succeeded(answer)) {
            throw Domestic.refusal(answer, orderId);
        }
        return new CashReceipt(answer.getOrDefault(Fields.PAY_OID, orderId),
                WireText.amount(answer.get(Fields.TAXSAVE_AMOUNT)),
                WireText.amount(answer.get(Fields.TAXSAVE_TAXTOTAL)),
                WireText.blankToNull(answer.get(Fields.TAXSAVE_MGTNUM)), answer.get(Fields.PAY_MSG));
    }

}
