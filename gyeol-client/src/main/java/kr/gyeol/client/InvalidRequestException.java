package kr.gyeol.client;

/**
 * The gateway refused the request as it was: a missing or malformed field, an unknown or
 * revoked billing key, an amount it does not allow, nothing to cancel. Nothing was
 * charged; correct the request before sending it again.
 */
public final class InvalidRequestException extends GyeolException {

    private static final long serialVersionUID = 1L;

    InvalidRequestException(String code, String gatewayMessage) {
        super(code, gatewayMessage, "The gateway refused the request", null);
    }

}
