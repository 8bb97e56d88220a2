package kr.gyeol.gpay;

import java.time.Instant;

/**
 * A cancel of all or part of an overseas payment.
 *
 * @param id the cancel's {@code api_id}
 * @param amount in the payment currency's minor unit
 */
public record GpayCancel(String id, GpayPayment payment, String status, long amount, Instant requestedAt,
        Instant completedAt) {

    public boolean approved() {
        return "APPROVED".equals(this.status);
    }

}
