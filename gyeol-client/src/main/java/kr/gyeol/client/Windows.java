package kr.gyeol.client;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.protocol.Fields;

/**
 * The partner's server side of the payment window (spec §1.4, §3.4): the auth file the
 * browser SDK calls before it opens the window, and the result the window posts back. Get
 * it from {@link GyeolClient#windows()}.
 */
public final class Windows {

    private final Domestic domestic;

    Windows(Domestic domestic) {
        this.domestic = domestic;
    }

    /**
     * Authenticates a window for {@code payType}: the {@code auth.php} answer that the
     * SDK's auth file ({@code payple_auth_file}) hands back to the browser as it is. Its
     * AuthKey opens one window.
     * @throws AuthenticationException when the gateway refuses the partner
     */
    public Map<String, String> authenticate(PayType payType) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (payType != null) {
            flags.put(Fields.PAY_TYPE, payType.wire());
        }
        return this.domestic.authAnswer(flags);
    }

    /**
     * The same, for what the SDK posted to the auth file: authenticates for the pay type
     * the order names ({@code PCD_PAY_TYPE}; card when it names none or one the client
     * does not know).
     * @param sdkPost the form fields the SDK posted
     * @throws AuthenticationException when the gateway refuses the partner
     */
    public Map<String, String> authenticate(Map<String, String> sdkPost) {
        PayType payType = PayType.fromWireOrNull(sdkPost.get(Fields.PAY_TYPE));
        return authenticate(payType != null ? payType : PayType.CARD);
    }

    /**
     * Reads what the window posted to the partner's result URL.
     * @param posted the posted form fields
     */
    public WindowResult result(Map<String, String> posted) {
        return WindowResult.fromPost(posted);
    }

}
