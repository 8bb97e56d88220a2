package kr.gyeol.client;

/**
 * No usable answer arrived — the connection failed, the gateway answered with a server
 * error, or the card company or bank has not answered yet — so it is not known whether
 * the request took effect. For a payment the client has already looked the order id up
 * before raising this; do the same later (with {@link Payments#lookup} or
 * {@link Overseas#lookup}) and never send the payment again under a new order id until
 * the lookup says it did not happen.
 */
public final class OutcomeUnknownException extends GyeolException {

    private static final long serialVersionUID = 1L;

    private final String orderId;

    OutcomeUnknownException(String code, String gatewayMessage, String orderId, String description, Throwable cause) {
        super(code, gatewayMessage, description, cause);
        this.orderId = orderId;
    }

    /** The order id to look up, or null when the call was not about one order. */
    public String orderId() {
        return orderId;
    }

}
