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
 * One charge of a billing key or an app card. The amount is never edited after the fact;
 * refunds are rows of their own. Its parts are value objects of their own: what it drew
 * on, what was bought, and what the network was asked and answered; the accessors of
 * their fields read through them.
 *
 * @param api the API the payment came through; its order ids are a namespace of their own
 * @param amount in the currency's minor unit, VAT included (KRW for the domestic API)
 * @param billingPeriod the year-month of a monthly-deduplicated charge, else null
 * @param requestedAt when the row was written, before the network call
 * @param overseas the overseas payment's extra fields, else null
 * @param receipt the payment's latest cash receipt, issued or cancelled, when the payment
 * was read for an answer that reports it ({@link PaymentReceipts}); else null
 */
public record Payment(PaymentId id, PartnerId partnerId, PaymentApi api, OrderId orderId, PaymentStatus status,
        Money amount, Drawn drawnOn, Basket basket, YearMonth billingPeriod, Network network, Instant requestedAt,
        Overseas overseas, CashReceipt receipt) {

    /**
     * What the payment drew on.
     *
     * @param billingKeyId the billing key charged, or null for an app-card payment
     * @param maskedNumber the card or account number as it may be shown
     * @param appCard the card approved in an app for an app-card payment, else null
     */
    public record Drawn(InstrumentType instrument, BillingKeyId billingKeyId, String maskedNumber,
            String institutionCode, String institutionName, AppCardCharge appCard) {
    }

    /**
     * What was bought, as the partner described it.
     *
     * @param vat the VAT part of the amount, 0 for an overseas payment
     * @param cashReceipt whether a cash receipt was asked for (account payments)
     * @param cashReceiptUse {@code personal} or {@code company}, or null
     */
    public record Basket(String goods, Money vat, boolean taxable, Payer payer, String userDefine1, String userDefine2,
            boolean cashReceipt, String cashReceiptUse) {
    }

    /**
     * What the network was asked and answered.
     *
     * @param reference the trade number Gyeol gave the network (24 digits)
     * @param approvalNumber the network's approval number, once approved
     * @param decline why the network declined, once declined
     * @param completedAt when the network's answer was recorded, or null
     */
    public record Network(String reference, String approvalNumber, Decline decline, Instant completedAt) {

        /** No answer yet. */
        public static Network asked(String reference) {
            return new Network(reference, null, null, null);
        }

    }

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
        return with(PaymentStatus.APPROVED, new Network(network.reference(), approvalNumber, null, at));
    }

    /** This payment declined at {@code at}. */
    public Payment decline(Decline why, Instant at) {
        status.requireCanBecome(PaymentStatus.DECLINED);
        return with(PaymentStatus.DECLINED, new Network(network.reference(), null, why, at));
    }

    /** This payment with an outcome nobody knows yet. */
    public Payment markUnknown() {
        status.requireCanBecome(PaymentStatus.UNKNOWN);
        return with(PaymentStatus.UNKNOWN, Network.asked(network.reference()));
    }

    /** This payment with its latest cash receipt (the receipt ledger's). */
    public Payment withReceipt(CashReceipt latest) {
        return new Payment(id, partnerId, api, orderId, status, amount, drawnOn, basket, billingPeriod, network,
                requestedAt, overseas, latest);
    }

    private Payment with(PaymentStatus next, Network answered) {
        return new Payment(id, partnerId, api, orderId, next, amount, drawnOn, basket, billingPeriod, answered,
                requestedAt, overseas, receipt);
    }

    /**
     * When the payment happened for Payple's {@code PCD_PAY_TIME}: completion, else the
     * request.
     */
    public Instant payTime() {
        return network.completedAt() != null ? network.completedAt() : requestedAt;
    }

    public InstrumentType instrument() {
        return drawnOn.instrument();
    }

    /** The billing key charged, or null for an app-card payment. */
    public BillingKeyId billingKeyId() {
        return drawnOn.billingKeyId();
    }

    public String maskedNumber() {
        return drawnOn.maskedNumber();
    }

    public String institutionCode() {
        return drawnOn.institutionCode();
    }

    public String institutionName() {
        return drawnOn.institutionName();
    }

    /** The card approved in an app, for an app-card payment, else null. */
    public AppCardCharge appCard() {
        return drawnOn.appCard();
    }

    public String goods() {
        return basket.goods();
    }

    /** The VAT part of the amount. */
    public Money vat() {
        return basket.vat();
    }

    public boolean taxable() {
        return basket.taxable();
    }

    public Payer payer() {
        return basket.payer();
    }

    public String userDefine1() {
        return basket.userDefine1();
    }

    public String userDefine2() {
        return basket.userDefine2();
    }

    public boolean cashReceipt() {
        return basket.cashReceipt();
    }

    public String cashReceiptUse() {
        return basket.cashReceiptUse();
    }

    /** The trade number Gyeol gave the network. */
    public String networkReference() {
        return network.reference();
    }

    public String approvalNumber() {
        return network.approvalNumber();
    }

    public Decline decline() {
        return network.decline();
    }

    public Instant completedAt() {
        return network.completedAt();
    }

}
