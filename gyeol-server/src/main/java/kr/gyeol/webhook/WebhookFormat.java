package kr.gyeol.webhook;

/**
 * How a body is sent: JSON, as Payple's 2020 docs say, or form fields, as its 2018 resend
 * did.
 */
public enum WebhookFormat {

    JSON("application/json; charset=utf-8"), FORM("application/x-www-form-urlencoded; charset=utf-8");

    private final String contentType;

    WebhookFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return this.contentType;
    }

}
