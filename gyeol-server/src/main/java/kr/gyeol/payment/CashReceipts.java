package kr.gyeol.payment;

import java.time.Clock;

import kr.gyeol.payment.jdbc.PaymentRepository;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.vault.InstrumentType;
import kr.gyeol.vault.Masking;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cash receipts (현금영수증) of account payments: issued with the payment when it asked for
 * one, or later (TSREG); cancelled (TSCANCEL) or adjusted by a refund. Every change
 * happens under the payment's row lock.
 *
 * <p>
 * Gyeol simulates the National Tax Service: receipts are numbered like Payple's test
 * receipts ({@code test} and 14 digits) and no tax authority is called.
 */
@Service
public class CashReceipts {

    private final PaymentRepository payments;

    private final Clock clock;

    CashReceipts(PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * Issues the receipt an approved account payment asked for, in the transaction that
     * records the approval.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void issueWithPayment(Payment payment, String identity) {
        if (!payment.cashReceipt() || payment.instrument() != InstrumentType.BANK_ACCOUNT) {
            return;
        }
        this.payments.issueReceipt(payment.id(), receipt(payment.amount().amount(), payment.vat(),
                use(payment.cashReceiptUse()), identity != null ? identity : payment.payer().phone()));
    }

    /**
     * TSREG: issues a receipt for an approved account payment that has none standing.
     * @param billingKeyId the key the partner names, or null
     * @param amount the amount to cover, or null for the whole payment
     * @param vat the VAT part, or null to derive it
     * @throws CashReceiptRejected when it cannot be issued
     */
    @Transactional
    public Payment issue(PartnerId partnerId, OrderId orderId, BillingKeyId billingKeyId, Long amount, Long vat,
            String use, String identity) {
        Payment payment = lockAccountPayment(partnerId, orderId, billingKeyId);
        if (payment.receipt() != null && payment.receipt().issued()) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.ALREADY_ISSUED);
        }
        long covered = amount != null ? amount : payment.amount().amount();
        if (covered <= 0 || covered > payment.amount().amount() || vat != null && (vat < 0 || vat > covered)) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.INVALID_AMOUNT);
        }
        long coveredVat = vat != null ? vat : covered == payment.amount().amount() ? payment.vat()
                : payment.taxable() ? Money.won(covered).includedVat().amount() : 0;
        this.payments.issueReceipt(payment.id(),
                receipt(covered, coveredVat, use != null ? use(use) : use(payment.cashReceiptUse()),
                        identity != null ? identity : payment.payer().phone()));
        return this.payments.find(payment.id()).orElseThrow();
    }

    /**
     * TSCANCEL: cancels the payment's standing receipt.
     * @throws CashReceiptRejected when none stands
     */
    @Transactional
    public Payment cancel(PartnerId partnerId, OrderId orderId, BillingKeyId billingKeyId) {
        Payment payment = lockAccountPayment(partnerId, orderId, billingKeyId);
        if (!this.payments.cancelReceipt(payment.id(), this.clock.instant())) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.NONE_ISSUED);
        }
        return this.payments.find(payment.id()).orElseThrow();
    }

    /** What a refund did to the payment's receipt. */
    public enum AfterRefund {

        /** The payment had no standing receipt. */
        NONE,
        /** The receipt was cancelled: nothing is left to cover. */
        CANCELLED,
        /** The receipt was cancelled and a new one issued for what remains. */
        REISSUED

    }

    /**
     * Adjusts the receipt of a payment that was just refunded, in the refund's
     * transaction: cancelled, and re-issued for what remains after a partial refund.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AfterRefund afterRefund(Payment payment, long remaining, long remainingVat) {
        CashReceipt receipt = payment.receipt();
        if (receipt == null || !receipt.issued()) {
            return AfterRefund.NONE;
        }
        this.payments.cancelReceipt(payment.id(), this.clock.instant());
        if (remaining <= 0) {
            return AfterRefund.CANCELLED;
        }
        this.payments.issueReceipt(payment.id(),
                new CashReceipt(CashReceipt.Status.ISSUED, number(), remaining, Math.min(remainingVat, remaining),
                        receipt.use(), receipt.maskedIdentity(), this.clock.instant(), null));
        return AfterRefund.REISSUED;
    }

    private Payment lockAccountPayment(PartnerId partnerId, OrderId orderId, BillingKeyId billingKeyId) {
        Payment payment = this.payments.lockByOrderId(partnerId, PaymentApi.PAYPLE, orderId)
            .filter((found) -> found.status() == PaymentStatus.APPROVED)
            .orElseThrow(() -> new CashReceiptRejected(CashReceiptRejected.Reason.PAYMENT_NOT_FOUND));
        if (payment.instrument() != InstrumentType.BANK_ACCOUNT) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.NOT_AN_ACCOUNT_PAYMENT);
        }
        if (billingKeyId != null && !billingKeyId.equals(payment.billingKeyId())) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.BILLING_KEY_MISMATCH);
        }
        return payment;
    }

    private CashReceipt receipt(long amount, long vat, CashReceipt.Use use, String identity) {
        return new CashReceipt(CashReceipt.Status.ISSUED, number(), amount, vat, use, Masking.phone(identity),
                this.clock.instant(), null);
    }

    private static String number() {
        return "test" + Tokens.digits(14);
    }

    /** {@code company} (지출증빙) or anything else, a person's income deduction. */
    private static CashReceipt.Use use(String value) {
        return value != null && value.trim().equalsIgnoreCase("company") ? CashReceipt.Use.COMPANY
                : CashReceipt.Use.PERSONAL;
    }

}
