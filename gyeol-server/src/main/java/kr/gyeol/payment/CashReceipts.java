package kr.gyeol.payment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import kr.gyeol.payment.jdbc.CashReceiptRepository;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.PaymentId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.vault.Masking;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cash receipt ledger. Its callers hold the payment's row lock, in the transaction
 * that issues or cancels, so the rules below see a payment that cannot change meanwhile.
 */
@Service
public class CashReceipts {

    private final CashReceiptRepository receipts;

    private final Clock clock;

    CashReceipts(CashReceiptRepository receipts, Clock clock) {
        this.receipts = receipts;
        this.clock = clock;
    }

    /** A page of a partner's receipts, by their payments newest first. */
    public List<CashReceipt> list(kr.gyeol.shared.PartnerId partnerId, int limit, int offset) {
        return this.receipts.listOf(partnerId, limit, offset);
    }

    /** The payment's latest receipt, standing or cancelled. */
    public Optional<CashReceipt> latest(PaymentId paymentId) {
        return this.receipts.latest(paymentId);
    }

    /** Every receipt the payment had, oldest first. */
    public List<CashReceipt> history(PaymentId paymentId) {
        return this.receipts.all(paymentId);
    }

    /**
     * Issues a receipt covering {@code amount} (VAT {@code vat} of it) of a payment of
     * {@code paymentAmount}.
     * @param identity the phone or business number, kept masked only
     * @throws CashReceiptRejected when one stands already or the amounts do not hold
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CashReceipt issue(PaymentId paymentId, Money paymentAmount, Money amount, Money vat, CashReceipt.Use use,
            String identity) {
        if (this.receipts.latest(paymentId).filter(CashReceipt::issued).isPresent()) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.ALREADY_ISSUED);
        }
        if (amount.amount() <= 0 || amount.isGreaterThan(paymentAmount) || vat.isGreaterThan(amount)) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.INVALID_AMOUNT);
        }
        CashReceipt receipt = new CashReceipt(paymentId, CashReceipt.Status.ISSUED, number(), amount, vat, use,
                Masking.phone(identity), this.clock.instant(), null);
        if (!this.receipts.insert(receipt)) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.ALREADY_ISSUED);
        }
        return receipt;
    }

    /**
     * Cancels the payment's standing receipt.
     * @throws CashReceiptRejected when none stands
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(PaymentId paymentId) {
        if (!this.receipts.cancelStanding(paymentId, this.clock.instant())) {
            throw new CashReceiptRejected(CashReceiptRejected.Reason.NONE_ISSUED);
        }
    }

    /**
     * Adjusts the receipt of a payment that was just refunded, in the refund's
     * transaction: cancelled, and re-issued for what remains after a partial refund.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AfterRefund afterRefund(PaymentId paymentId, Money remaining, Money remainingVat) {
        CashReceipt standing = this.receipts.latest(paymentId).filter(CashReceipt::issued).orElse(null);
        if (standing == null) {
            return AfterRefund.NONE;
        }
        this.receipts.cancelStanding(paymentId, this.clock.instant());
        if (remaining.amount() <= 0) {
            return AfterRefund.CANCELLED;
        }
        this.receipts.insert(new CashReceipt(paymentId, CashReceipt.Status.ISSUED, number(), remaining,
                remainingVat.isGreaterThan(remaining) ? remaining : remainingVat, standing.use(),
                standing.maskedIdentity(), this.clock.instant(), null));
        return AfterRefund.REISSUED;
    }

    private static String number() {
        return "test" + Tokens.digits(14);
    }

}
