package kr.gyeol.client;

/**
 * The order id was used before (or, with monthly duplicate prevention, the billing key
 * was already charged for that month). This request charged nothing; the earlier one
 * stands, and {@link Payments#lookup} tells how it ended.
 */
public final class DuplicateOrderException extends GyeolException {

    private static final long serialVersionUID = 1L;

    private final String orderId;

    DuplicateOrderException(String code, String gatewayMessage, String orderId) {
        super(code, gatewayMessage, "The order was already processed: " + orderId, null);
        this.orderId = orderId;
    }

    /** The order id that was used before. */
    public String orderId() {
        return orderId;
    }

}
