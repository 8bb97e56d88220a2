package kr.gyeol.protocol;

/**
 * The overseas card API's field names (gpay, spec §5), in requests and answers, as
 * {@link Fields} holds the domestic {@code PCD_*} ones: the gateway's gpay edge and the
 * client spell them through these.
 */
public final class GpayFields {

    /** The partner's overseas service id (token, and every call with it). */
    public static final String SERVICE_ID = "service_id";

    /** The partner's overseas service key (token request). */
    public static final String SERVICE_KEY = "service_key";

    /** The token request's one-time code, and the token answer's echo of it. */
    public static final String CODE = "code";

    public static final String ACCESS_TOKEN = "access_token";

    public static final String TOKEN_TYPE = "token_type";

    /** The token's lifetime in seconds. */
    public static final String EXPIRES_IN = "expires_in";

    /** The answer's code ({@code T0000}, {@code A0000}, …). */
    public static final String RESULT = "result";

    /** The answer's message. */
    public static final String MESSAGE = "message";

    /** Where the partner hears of the outcome. */
    public static final String RESULT_URL = "resultUrl";

    /** Gyeol's id of the payment or cancel an answer is about. */
    public static final String API_ID = "api_id";

    /** When it happened, Korean time. */
    public static final String API_DATE = "api_date";

    /** The answer's details: amount, currency, order, card. */
    public static final String INFO = "info";

    /** The partner's order id. */
    public static final String SERVICE_OID = "service_oid";

    /** A payment's id, to cancel or look it up by. */
    public static final String PAY_ID = "pay_id";

    /** The goods, or a cancel's reason. */
    public static final String COMMENTS = "comments";

    /** A decimal amount in the currency's major unit ({@code "10.50"}). */
    public static final String TOTAL_AMOUNT = "totalAmount";

    /** ISO 4217 ({@code USD}). */
    public static final String CURRENCY = "currency";

    public static final String PAY_TYPE = "pay_type";

    /** The billing key a recurring overseas charge is made with. */
    public static final String BILLING_KEY = "billing_key";

    public static final String FIRST_NAME = "firstName";

    public static final String LAST_NAME = "lastName";

    public static final String EMAIL = "email";

    /** The card, masked. */
    public static final String CARD_NUMBER = "card_number";

    /** A cancel's time, UTC. */
    public static final String SUBMIT_TIME_UTC = "submitTimeUtc";

    private GpayFields() {
    }

}
