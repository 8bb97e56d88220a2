package kr.gyeol.protocol;

import java.util.Locale;
import java.util.Map;

/**
 * The operation URLs that partner authentication hands back (spec §1.2, §1.14), and the
 * routing table from auth flags to them.
 */
public enum Endpoint {

    /** Partner authentication itself; never handed out by the routing table. */
    PARTNER_AUTH("/php/auth.php", null),
    /**
     * Browser-side authentication by public client key, called by the v1 SDK; Payple does
     * not publish its path, so this one is Gyeol's.
     */
    CLIENT_KEY_AUTH("/php/auth/clientKeyAuth.php", null), PAYMENT_WINDOW("/index.php", "ACT_=PAYM"),
    SIMPLE_PAY_CARD("/php/SimplePayCardAct.php", "ACT_=PAYM"), SIMPLE_PAY_ACCOUNT("/php/SimplePayAct.php", "ACT_=PAYM"),
    MONTHLY_PAY_CARD("/php/RePayCardAct.php", "ACT_=PAYM"), MONTHLY_PAY_ACCOUNT("/php/RePayAct.php", "ACT_=PAYM"),
    PAYMENT_LOOKUP("/php/PayChkAct.php", null), CANCEL("/php/account/api/cPayCAct.php", null),
    BILLING_KEY_INFO("/php/cPayUser/api/cPayUserAct.php", "ACT_=PUSERINFO"),
    BILLING_KEY_REVOKE("/php/cPayUser/api/cPayUserAct.php", "ACT_=PUSERDEL"),
    LINK_REGISTER("/php/link/api/LinkRegAct.php", "ACT_=LINKREG"),
    CASH_RECEIPT_ISSUE("/php/taxsave/api/tsAct.php", "ACT_=TSREG"),
    CASH_RECEIPT_CANCEL("/php/taxsave/api/tsAct.php", "ACT_=TSCANCEL"),
    // Payple does not publish the AUTHREG path (spec §1.13); Gyeol serves it beside
    // PUSERINFO.
    REGISTER("/php/cPayUser/api/cPayUserAct.php", "ACT_=AUTHREG"),
    REGISTER_ACCOUNT_CONFIRM("/php/cPayUser/api/cPayUserAct.php", "ACT_=AUTHREGCONF"),
    /** CERT confirmation of a card payment, learnt from {@code PCD_PAY_COFURL}. */
    CARD_CONFIRM("/php/PayCardConfirmAct.php", "ACT_=PAYM"),
    /**
     * CERT confirmation of an account payment; documents show it with and without ACT_.
     */
    ACCOUNT_CONFIRM("/php/PayConfirmAct.php", "ACT_=PAYM");

    private final String path;

    private final String query;

    Endpoint(String path, String query) {
        this.path = path;
        this.query = query;
    }

    /** The path without query, as routed by the server. */
    public String path() {
        return path;
    }

    /** The {@code ACT_} query that selects the operation on a shared path, or null. */
    public String query() {
        return query;
    }

    /** The value of {@code PCD_PAY_URL}: path plus query. */
    public String payUrl() {
        return query == null ? path : path + "?" + query;
    }

    /** The {@code ACT_} value, or null when the path alone selects the operation. */
    public String act() {
        return query == null ? null : query.substring("ACT_=".length());
    }

    /**
     * Picks the operation from the auth body (spec §1.2). Precedence: a work code, then
     * cancel, lookup, monthly, simple, and otherwise the payment window. The typo aliases
     * public clients send are accepted.
     */
    public static Endpoint route(Map<String, String> body) {
        String work = upper(body.get(Fields.PAY_WORK));
        switch (work) {
            case "PUSERINFO" -> {
                return BILLING_KEY_INFO;
            }
            case "PUSERDEL" -> {
                return BILLING_KEY_REVOKE;
            }
            case "LINKREG" -> {
                return LINK_REGISTER;
            }
            case "TSREG" -> {
                return CASH_RECEIPT_ISSUE;
            }
            case "TSCANCEL" -> {
                return CASH_RECEIPT_CANCEL;
            }
            case "AUTHREG" -> {
                return REGISTER;
            }
            default -> {
            }
        }
        if (WireValues.isYes(body.get(Fields.PAYCANCEL_FLAG))) {
            return CANCEL;
        }
        if (WireValues.isYes(body.get(Fields.PAYCHK_FLAG)) || WireValues.isYes(body.get(Fields.PAYCHECK_FLAG_TYPO))) {
            return PAYMENT_LOOKUP;
        }
        boolean card = "CARD".equals(upper(body.get(Fields.PAY_TYPE)));
        if (WireValues.isYes(body.get(Fields.REGULER_FLAG)) || WireValues.isYes(body.get(Fields.REGULAR_FLAG_TYPO))) {
            return card ? MONTHLY_PAY_CARD : MONTHLY_PAY_ACCOUNT;
        }
        if (WireValues.isYes(body.get(Fields.SIMPLE_FLAG))) {
            return card ? SIMPLE_PAY_CARD : SIMPLE_PAY_ACCOUNT;
        }
        return PAYMENT_WINDOW;
    }

    /**
     * Finds the operation served at a path and {@code ACT_} value, or null. The window
     * answers at its 2018 path too.
     */
    public static Endpoint at(String path, String act) {
        if ("/php/PayAct.php".equals(path)) {
            return PAYMENT_WINDOW;
        }
        for (Endpoint endpoint : values()) {
            if (endpoint.path.equals(path) && (endpoint.query == null || endpoint == PAYMENT_WINDOW
                    || endpoint == CARD_CONFIRM || endpoint == ACCOUNT_CONFIRM
                    || endpoint.act().equalsIgnoreCase(act == null ? "" : act))) {
                return endpoint;
            }
        }
        return null;
    }

    private static String upper(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }

}
