package kr.gyeol.payment;

import java.time.Instant;
import java.time.YearMonth;

import kr.gyeol.network.DeclineReason;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Payer;
import kr.gyeol.shared.PaymentId;

/**
 * One charge of a billing key. The amount is never edited after the fact; refunds are
 * rows of their own.
 *
 * @param api the API the payment came through; its order ids are a namespace of their own
 * @param amount in the currency's minor unit, VAT included (KRW for the domestic API)
 * @param vat the VAT part of {@code amount}, 0 for an overseas payment
 * @param billingPeriod the year-month of a monthly-deduplicated charge, else null
 * @param networkReference the trade number Gyeol gave the network (24 digits)
 * @param requestedAt when the row was written, before the network call
 * @param completedAt when the network's answer was recorded, or null
 * @param billingKeyId the billing key charged, or null for an app-card payment
 * @param appCard the card approved in an app for an app-card payment, else null
 * @param overseas the overseas payment's extra fields, else null
 * @param receipt the payment's latest cash receipt, issued or cancelled, when the payment
 * was read for an answer that reports it ({@link PaymentReceipts}); else null
 */
public record Payment(PaymentId id, PartnerId partnerId, PaymentApi api, OrderId orderId, BillingKeyId billingKeyId,
        InstrumentType instrument, String maskedNumber, String institutionCode, String institutionName,
        PaymentStatus status, Money amount, Money vat, boolean taxable, String goods, Payer payer, String userDefine1,
        String userDefine2, YearMonth billingPeriod, boolean cashReceipt, String cashReceiptUse,
        String networkReference, String approvalNumber, Decline decline, Instant requestedAt, Instant completedAt,
        AppCardCharge appCard, Overseas overseas, CashReceipt receipt) {

    /** Why the network declined, as it said. */
    public record Decline(DeclineReason reason, String institutionCode, String institutionMessage) {
    }

    public boolean approved() {
        return status == PaymentStatus.APPROVED;
    }

    public boolean monthly() {
        return billingPeriod != null;
    }

    /**
     * This payment approved at {@code at}; the status machine decides whether that is
     * allowed.
     */
    public Payment approve(String approvalNumber, Instant at) {
        status.requireCanBecome(PaymentStatus.APPROVED);
        return with(PaymentStatus.APPROVED, approvalNumber, null, at);
    }

    /** This payment declined at {@code at}. */
    public Payment decline(Decline why, Instant at) {
        status.requireCanBecome(PaymentStatus.DECLINED);
        return with(PaymentStatus.DECLINED, null, why, at);
    }

    /** This payment with an outcome nobody knows yet. */
    public Payment markUnknown() {
        status.requireCanBecome(PaymentStatus.UNKNOWN);
        return with(PaymentStatus.UNKNOWN, null, null, null);
    }

    /** This payment with its latest cash receipt (the receipt capability's ledger). */
    public Payment withReceipt(CashReceipt latest) {
        return new Payment(id, partnerId, api, orderId, billingKeyId, instrument, maskedNumber, institutionCode,
                institutionName, status, amount, vat, taxable, goods, payer, userDefine1, userDefine2, billingPeriod,
                cashReceipt, cashReceiptUse, networkReference, approvalNumber, decline, requestedAt, completedAt,
                appCard, overseas, latest);
    }

    private Payment with(PaymentStatus next, String approval, Decline why, Instant completed) {
        return new Payment(id, partnerId, api, orderId, billingKeyId, instrument, maskedNumber, institutionCode,
                institutionName, next, amount, vat, taxable, goods, payer, userDefine1, userDefine2, billingPeriod,
                cashReceipt, cashReceiptUse, networkReference, approval, why, requestedAt, completed, appCard, overseas,
                receipt);
    }

    /**
     * When the payment happened for Payple's {@code PCD_PAY_TIME}: completion, else the
     * request.
     */
    public Instant payTime() {
        return completedAt != null ? completedAt : requestedAt;
    }
}
