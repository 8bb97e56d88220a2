package kr.gyeol.web;

import java.util.Map;
import java.util.Set;

/**
 * One Payple request after lenient parsing: every value a trimmed string, JSON nulls and
 * empty strings dropped, numbers turned into their text. Values that could not be read as
 * a scalar (an object, an array, an oversize text) are named in {@code malformedFields}
 * instead.
 *
 * @param fields the merged query and body values
 * @param malformedFields names whose values were unreadable
 * @param unreadableBody true when the body as a whole could not be parsed or was too
 * large
 * @param baseUrl scheme, host and port the caller used, e.g.
 * {@code https://pay.example.com}
 * @param refererHost host of the Referer header, or null
 */
public record WireRequest(Map<String, String> fields, Set<String> malformedFields, boolean unreadableBody,
        String baseUrl, String refererHost, String clientAddress) {

    /** A field's value, or null when absent. */
    public String get(String field) {
        return fields.get(field);
    }

    /** The first present value among alias names of one field. */
    public String first(String... aliases) {
        for (String alias : aliases) {
            String value = fields.get(alias);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** True when the request as sent cannot be trusted field by field. */
    public boolean isMalformed() {
        return unreadableBody || !malformedFields.isEmpty();
    }

    /** {@code PCD_CST_ID}: the session's partner token or the raw partner id. */
    public String partnerId() {
        return malformedFields.contains(kr.gyeol.protocol.Fields.CST_ID) ? null : get(kr.gyeol.protocol.Fields.CST_ID);
    }

    /** {@code PCD_CUST_KEY}: the session's secret token or the raw secret. */
    public String secret() {
        return malformedFields.contains(kr.gyeol.protocol.Fields.CUST_KEY) ? null
                : get(kr.gyeol.protocol.Fields.CUST_KEY);
    }

    /** {@code PCD_AUTH_KEY}. */
    public String authKey() {
        return get(kr.gyeol.protocol.Fields.AUTH_KEY_FIELD);
    }

    /** The host name alone, as Payple's {@code server_name}. */
    public String serverName() {
        String withoutScheme = baseUrl.substring(baseUrl.indexOf("://") + 3);
        int colon = withoutScheme.lastIndexOf(':');
        return colon > 0 && !withoutScheme.endsWith("]") ? withoutScheme.substring(0, colon) : withoutScheme;
    }
}
