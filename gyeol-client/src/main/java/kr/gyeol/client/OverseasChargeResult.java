package kr.gyeol.client;

/**
 * How an overseas payment ended: approved, or declined. A decline is a result, not an
 * exception.
 */
public sealed interface OverseasChargeResult {

    /** The order id ({@code service_oid}). */
    String orderId();

    /**
     * The payment was approved.
     *
     * @param payment what was charged
     */
    record Approved(OverseasPayment payment) implements OverseasChargeResult {

        @Override
        public String orderId() {
            return this.payment.orderId();
        }

    }

    /**
     * The card company declined, or the card data was refused; nothing was charged.
     *
     * @param orderId the order id
     * @param payId the declined attempt's id, if the gateway gave one
     * @param code the result code, e.g. {@code A0301}
     * @param message the reason
     */
    record Declined(String orderId, String payId, String code, String message) implements OverseasChargeResult {
    }

}
