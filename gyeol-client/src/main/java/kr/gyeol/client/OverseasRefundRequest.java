package kr.gyeol.client;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A cancel of an overseas payment, in full or in part (spec §5.4).
 *
 * @param payId the payment's id ({@code api_id}); null to name it by order id alone
 * @param orderId the payment's order id ({@code service_oid})
 * @param amount how much to give back
 * @param currency the payment's currency
 * @param comments a note; Payple's samples send the goods name
 */
public record OverseasRefundRequest(String payId, String orderId, BigDecimal amount, String currency, String comments) {

    /** Checks the required fields. */
    public OverseasRefundRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

}
