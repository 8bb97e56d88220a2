package kr.gyeol.client;

/**
 * The customer, as the partner knows them. Every field may be null. Payple mails a
 * receipt to the e-mail and sends a KakaoTalk notice to the phone (spec §4.5).
 *
 * @param number the partner's member number ({@code PCD_PAYER_NO}), echoed back
 * @param name the customer's name
 * @param phone the customer's mobile number, digits only
 * @param email the customer's e-mail
 */
public record Payer(String number, String name, String phone, String email) {

    /** No payer details. */
    public static final Payer NONE = new Payer(null, null, null, null);

}
