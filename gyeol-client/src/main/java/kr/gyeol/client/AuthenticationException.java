package kr.gyeol.client;

/**
 * The gateway did not accept the partner's credentials: partner id, key, Referer domain,
 * refund key, overseas service id or key, or an expired session. Fix the configuration;
 * retrying as is will not help.
 */
public final class AuthenticationException extends GyeolException {

    private static final long serialVersionUID = 1L;

    AuthenticationException(String code, String gatewayMessage) {
        super(code, gatewayMessage, "The gateway refused the partner's credentials", null);
    }

}
