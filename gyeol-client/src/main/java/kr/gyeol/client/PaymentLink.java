package kr.gyeol.client;

import java.net.URI;
import java.time.LocalDate;

/**
 * A created link payment.
 *
 * @param key the link's key ({@code PCD_LINK_KEY})
 * @param url the page to send the customer to
 * @param goods the goods name
 * @param amount the amount in won
 * @param expiresOn the last day it can be paid
 * @param memo the memo
 */
public record PaymentLink(String key, URI url, String goods, long amount, LocalDate expiresOn, String memo) {
}
