package kr.gyeol.client;

/**
 * A call that did not do what was asked. Each subclass stands for one way the caller must
 * react; every one carries the Payple code and message when the gateway gave one.
 */
public abstract sealed class GyeolException extends RuntimeException
        permits AuthenticationException, InvalidRequestException, DuplicateOrderException, OutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    private final String code;

    private final String gatewayMessage;

    GyeolException(String code, String gatewayMessage, String description, Throwable cause) {
        super(description(code, gatewayMessage, description), cause);
        this.code = code;
        this.gatewayMessage = gatewayMessage;
    }

    /** The Payple (or gpay) result code, e.g. {@code SPCD0014}; null if none arrived. */
    public String code() {
        return code;
    }

    /** The gateway's own message, as it sent it; null if none arrived. */
    public String gatewayMessage() {
        return gatewayMessage;
    }

    private static String description(String code, String message, String description) {
        StringBuilder text = new StringBuilder(description);
        if (code != null) {
            text.append(" [").append(code).append(']');
        }
        if (message != null && !message.isEmpty()) {
            text.append(' ').append(message);
        }
        return text.toString();
    }

}
