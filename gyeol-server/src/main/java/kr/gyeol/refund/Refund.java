package kr.gyeol.refund;

import java.time.Instant;

/**
 * A cancel of all or part of a payment.
 *
 * @param vat the VAT part of {@code amount}
 * @param networkReference the cancel's own trade number
 */
public record Refund(String id, String paymentId, RefundStatus status, long amount, long vat, String networkReference,
        Instant requestedAt, Instant completedAt) {
}
