package kr.gyeol.payment;

import java.time.Instant;

import kr.gyeol.shared.InstrumentType;

/**
 * What a console search narrows a partner's payments by; every criterion is optional
 * (null) but the period, and each has an index behind it.
 *
 * @param from inclusive start of the period the payments were requested in
 * @param to exclusive end of it
 * @param payerPrefix the start of the payer's name
 */
public record PaymentSearch(Instant from, Instant to, PaymentStatus status, String orderId, String payerPrefix,
        Long amount, InstrumentType instrument) {
}
