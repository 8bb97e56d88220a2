package kr.gyeol.gpay;

/**
 * A gpay request refused with one of the API's result codes (a {@code GpayCode} name).
 */
public final class GpayRefused extends RuntimeException {

    private final String code;

    public GpayRefused(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public String code() {
        return this.code;
    }

}
