package kr.gyeol.protocol;

/**
 * Every field name of the domestic Payple wire that Gyeol reads or writes. This is the
 * one place in the code base where a {@code PCD_} string may appear; the server maps to
 * and from domain names at its edge using these constants.
 */
public final class Fields {

    private Fields() {
    }

    // Partner authentication (auth.php) request and response.
    public static final String AUTH_CST_ID = "cst_id";

    public static final String AUTH_CUST_KEY = "custKey";

    public static final String AUTH_RESULT = "result";

    public static final String AUTH_RESULT_MSG = "result_msg";

    public static final String AUTH_CODE = "code";

    /** The public client key of the v1 SDK. */
    public static final String CLIENT_KEY = "clientKey";

    public static final String AUTH_KEY = "AuthKey";

    public static final String SERVER_NAME = "server_name";

    public static final String RETURN_URL = "return_url";

    public static final String LEGACY_HOST = "cPayHost";

    public static final String LEGACY_URL = "cPayUrl";

    // Flags that pick the operation at auth.php, with the typo aliases public clients
    // send.
    public static final String SIMPLE_FLAG = "PCD_SIMPLE_FLAG";

    public static final String REGULER_FLAG = "PCD_REGULER_FLAG";

    public static final String REGULAR_FLAG_TYPO = "PCD_REGULAR_FLAG";

    public static final String PAYCHK_FLAG = "PCD_PAYCHK_FLAG";

    public static final String PAYCHECK_FLAG_TYPO = "PCD_PAYCHECK_FLAG";

    public static final String PAYCANCEL_FLAG = "PCD_PAYCANCEL_FLAG";

    // Common envelope.
    public static final String CST_ID = "PCD_CST_ID";

    public static final String CUST_KEY = "PCD_CUST_KEY";

    public static final String AUTH_KEY_FIELD = "PCD_AUTH_KEY";

    public static final String PAY_HOST = "PCD_PAY_HOST";

    public static final String PAY_URL = "PCD_PAY_URL";

    // Results.
    public static final String PAY_RST = "PCD_PAY_RST";

    public static final String PAY_CODE = "PCD_PAY_CODE";

    public static final String PAY_MSG = "PCD_PAY_MSG";

    // Payment.
    public static final String PAY_TYPE = "PCD_PAY_TYPE";

    public static final String PAY_WORK = "PCD_PAY_WORK";

    public static final String PAY_OID = "PCD_PAY_OID";

    public static final String PAY_GOODS = "PCD_PAY_GOODS";

    /**
     * The amount fields of the wire, read as ASCII digits exactly as sent: the lenient
     * parser trims every other value, never these.
     */
    public static final java.util.Set<String> AMOUNTS = java.util.Set.of("PCD_PAY_TOTAL", "PCD_PAY_TAXTOTAL",
            "PCD_REFUND_TOTAL", "PCD_REFUND_TAXTOTAL", "PCD_TAXSAVE_AMOUNT", "PCD_TAXSAVE_TAXTOTAL");

    public static final String PAY_TOTAL = "PCD_PAY_TOTAL";

    public static final String PAY_TAXTOTAL = "PCD_PAY_TAXTOTAL";

    public static final String PAY_ISTAX = "PCD_PAY_ISTAX";

    public static final String PAY_YEAR = "PCD_PAY_YEAR";

    public static final String PAY_MONTH = "PCD_PAY_MONTH";

    public static final String PAY_TIME = "PCD_PAY_TIME";

    public static final String PAY_DATE = "PCD_PAY_DATE";

    public static final String USER_DEFINE1 = "PCD_USER_DEFINE1";

    public static final String USER_DEFINE2 = "PCD_USER_DEFINE2";

    // Payer.
    public static final String PAYER_ID = "PCD_PAYER_ID";

    public static final String PAYER_NO = "PCD_PAYER_NO";

    public static final String PAYER_NAME = "PCD_PAYER_NAME";

    public static final String PAYER_HP = "PCD_PAYER_HP";

    public static final String PAYER_EMAIL = "PCD_PAYER_EMAIL";

    public static final String PAYER_BIRTH = "PCD_PAYER_BIRTH";

    public static final String PAYER_GENDER = "PCD_PAYER_GENDER";

    public static final String PAYER_HPCOM = "PCD_PAYER_HPCOM";

    public static final String PAYER_CORPNUM = "PCD_PAYER_CORPNUM";

    // Card.
    public static final String PAY_CARD = "PCD_PAY_CARD";

    public static final String PAY_CARDNAME = "PCD_PAY_CARDNAME";

    public static final String PAY_CARDNUM = "PCD_PAY_CARDNUM";

    public static final String PAY_CARDTRADENUM = "PCD_PAY_CARDTRADENUM";

    public static final String PAY_CARDAUTHNO = "PCD_PAY_CARDAUTHNO";

    public static final String PAY_CARDRECEIPT = "PCD_PAY_CARDRECEIPT";

    public static final String PAY_CARDEXYEAR = "PCD_PAY_CARDEXYEAR";

    public static final String PAY_CARDEXMONTH = "PCD_PAY_CARDEXMONTH";

    public static final String PAY_CARDPW = "PCD_PAY_CARDPW";

    // Older documents name the card result fields without the PAY_ prefix; lookups emit
    // both.
    public static final String LEGACY_CARDNAME = "PCD_CARDNAME";

    public static final String LEGACY_CARDNUM = "PCD_CARDNUM";

    public static final String LEGACY_CARDTRADENUM = "PCD_CARDTRADENUM";

    // Bank account.
    public static final String PAY_BANK = "PCD_PAY_BANK";

    public static final String PAY_BANKNAME = "PCD_PAY_BANKNAME";

    public static final String PAY_BANKNUM = "PCD_PAY_BANKNUM";

    public static final String PAY_BANKACCTYPE = "PCD_PAY_BANKACCTYPE";

    public static final String AUTH_NUM = "PCD_AUTH_NUM";

    public static final String AUTH_REQNUM = "PCD_AUTH_REQNUM";

    public static final String AUTH_CODE_FIELD = "PCD_AUTH_CODE";

    // Cash receipt fields of account payments.
    public static final String TAXSAVE_FLAG = "PCD_TAXSAVE_FLAG";

    public static final String TAXSAVE_TRADE = "PCD_TAXSAVE_TRADE";

    public static final String TAXSAVE_IDNUM = "PCD_TAXSAVE_IDNUM";

    public static final String TAXSAVE_RST = "PCD_TAXSAVE_RST";

    public static final String TAXSAVE_MSG = "PCD_TAXSAVE_MSG";

    public static final String TAXSAVE_MGTNUM = "PCD_TAXSAVE_MGTNUM";

    // Link payments (LinkRegAct, §1.11): answered with their own result fields.
    public static final String LINK_RST = "PCD_LINK_RST";

    public static final String LINK_MSG = "PCD_LINK_MSG";

    public static final String LINK_KEY = "PCD_LINK_KEY";

    public static final String LINK_URL = "PCD_LINK_URL";

    public static final String LINK_EXPIREDATE = "PCD_LINK_EXPIREDATE";

    public static final String LINK_MEMO = "PCD_LINK_MEMO";

    // Cash receipt issue and cancel (tsAct, §1.12): named unlike the re-payment fields.
    public static final String TAXSAVE_AMOUNT = "PCD_TAXSAVE_AMOUNT";

    public static final String TAXSAVE_TAXTOTAL = "PCD_TAXSAVE_TAXTOTAL";

    public static final String TAXSAVE_TRADEUSE = "PCD_TAXSAVE_TRADEUSE";

    public static final String TAXSAVE_IDENTINUM = "PCD_TAXSAVE_IDENTINUM";

    public static final String TAXSAVE_EMAIL = "PCD_TAXSAVE_EMAIL";

    // Payment window and CERT confirmation.
    public static final String CPAY_VER = "PCD_CPAY_VER";

    public static final String CARD_VER = "PCD_CARD_VER";

    public static final String RST_URL = "PCD_RST_URL";

    public static final String HTTP_REFERER = "PCD_HTTP_REFERER";

    public static final String PAY_REQKEY = "PCD_PAY_REQKEY";

    public static final String PAY_COFURL = "PCD_PAY_COFURL";

    public static final String PAY_AMOUNT = "PCD_PAY_AMOUNT";

    public static final String PAY_DISCOUNT = "PCD_PAY_DISCOUNT";

    public static final String PAY_AMOUNT_REAL = "PCD_PAY_AMOUNT_REAL";

    public static final String PAY_CARDQUOTA = "PCD_PAY_CARDQUOTA";

    /** App card: the ways offered (request) and the way used (result). */
    public static final String PAY_METHOD = "PCD_PAY_METHOD";

    /** App card: the easy-pay wallet used, if any. */
    public static final String EASY_PAY_METHOD = "PCD_EASY_PAY_METHOD";

    /** Payple's password simple-pay: {@code pwd}. */
    public static final String PAYER_AUTHTYPE = "PCD_PAYER_AUTHTYPE";

    // Refund.
    public static final String REFUND_KEY = "PCD_REFUND_KEY";

    public static final String REFUND_TOTAL = "PCD_REFUND_TOTAL";

    public static final String REFUND_TAXTOTAL = "PCD_REFUND_TAXTOTAL";

    public static final String REFUND_TIME = "PCD_REFUND_TIME";

    /**
     * Fields whose values are secrets or instrument data; never to be logged or echoed.
     */
    public static final java.util.Set<String> SENSITIVE = java.util.Set.of(CUST_KEY, AUTH_CUST_KEY, PAY_CARDNUM,
            PAY_CARDPW, PAYER_BIRTH, PAY_BANKNUM, REFUND_KEY, PAY_CARDEXYEAR, PAY_CARDEXMONTH);

}
