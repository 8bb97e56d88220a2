package kr.gyeol.shared;

/** The partner's customer as the partner describes them; every part optional. */
public record Payer(String number, String name, String phone, String email) {

    public static final Payer NONE = new Payer(null, null, null, null);

}
