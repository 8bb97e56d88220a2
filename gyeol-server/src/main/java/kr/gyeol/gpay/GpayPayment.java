package kr.gyeol.gpay;

import java.time.Instant;

/**
 * One overseas card payment.
 *
 * @param id the payment's {@code api_id} (22 digits)
 * @param amount in the currency's minor unit
 * @param status {@code PENDING}, {@code APPROVED}, {@code DECLINED} or {@code UNKNOWN}
 */
public record GpayPayment(String id, String partnerId, String serviceOid, String billingKeyId, String status,
        String currency, long amount, String comments, String firstName, String lastName, String email,
        String maskedNumber, String serviceDefine, String resultUrl, String networkReference, String declineCode,
        String declineMessage, Instant requestedAt, Instant completedAt) {

    public boolean approved() {
        return "APPROVED".equals(this.status);
    }

}
