package kr.gyeol.payment;

import kr.gyeol.payment.jdbc.PaymentRepository;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.InstrumentType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cash receipts of account payments: issued with the payment when it asked for one,
 * or later (TSREG); cancelled (TSCANCEL) or adjusted by a refund. Every change happens
 * under the payment's row lock; the receipts themselves are the receipt capability's
 * ledger.
 */
@Service
public class PaymentReceipts {

    private final PaymentRepository payments;

    private final CashReceipts receipts;

    PaymentReceipts(PaymentRepository payments, CashReceipts receipts) {
        this.payments = payments;
        this.receipts = receipts;
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
        this.receipts.issue(payment.id(), payment.amount(), payment.amount(), payment.vat(),
                CashReceipt.use(payment.cashReceiptUse()), identity != null ? identity : payment.payer().phone());
    }

    /**
     * TSREG: issues a receipt for an approved account payment that has none standing.
     * @param billingKeyId the key the partner names, or null
     * @param amount the amount to cover, or null for the whole payment
     * @param vat the VAT part, or null to derive it
     * @return the payment with its new receipt
     * @throws CashReceiptRejected when it cannot be issued
     */
    @Transactional
    public Payment issue(PartnerId partnerId, OrderId orderId, BillingKeyId billingKeyId, Long amount, Long vat,
            String use, String identity) {
        Payment payment = lockAccountPayment(partnerId, orderId, billingKeyId);
        if ((amount != null && amount < 0) || (vat != null && vat < 0)) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.INVALID_AMOUNT);
        }
        Money covered = amount != null ? Money.won(amount) : payment.amount();
        boolean coverable = covered.amount() > 0 && !covered.isGreaterThan(payment.amount());
        // The VAT of a part is derived only for a part the ledger will accept.
        Money coveredVat = vat != null ? Money.won(vat) : !coverable ? Money.won(0) : covered.equals(payment.amount())
                ? payment.vat() : payment.taxable() ? covered.includedVat() : Money.won(0);
        CashReceipt receipt = this.receipts.issue(payment.id(), payment.amount(), covered, coveredVat,
                CashReceipt.use(use != null ? use : payment.cashReceiptUse()),
                identity != null ? identity : payment.payer().phone());
        return payment.withReceipt(receipt);
    }

    /**
     * TSCANCEL: cancels the payment's standing receipt.
     * @return the payment with its cancelled receipt
     * @throws CashReceiptRejected when none stands
     */
    @Transactional
    public Payment cancel(PartnerId partnerId, OrderId orderId, BillingKeyId billingKeyId) {
        Payment payment = lockAccountPayment(partnerId, orderId, billingKeyId);
        this.receipts.cancel(payment.id());
        return payment.withReceipt(this.receipts.latest(payment.id()).orElseThrow());
    }

    /**
     * Adjusts the receipt of a payment that was just refunded, in the refund's
     * transaction (which holds the payment's row lock).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AfterRefund afterRefund(Payment payment, Money remaining, Money remainingVat) {
        return this.receipts.afterRefund(payment.id(), remaining, remainingVat);
    }

    /** The payment with its latest receipt, for an answer that reports it. */
    Payment withReceipt(Payment payment) {
        if (payment.instrument() != InstrumentType.BANK_ACCOUNT) {
            return payment;
        }
        return this.receipts.latest(payment.id()).map(payment::withReceipt).orElse(payment);
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

}
