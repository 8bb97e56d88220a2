package kr.gyeol.gpay.web;

import java.util.Map;
import java.util.Optional;
import kr.gyeol.payment.ChargeRejected;
import kr.gyeol.payment.ChargeMethod;
import kr.gyeol.payment.ChargeRequest;
import kr.gyeol.payment.Overseas;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.protocol.GpayCode;
import kr.gyeol.refund.RefundRejected;
import kr.gyeol.refund.RefundResult;
import kr.gyeol.refund.RefundService;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.PaymentId;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.shared.Payer;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;
import org.springframework.stereotype.Component;

/**
 * The overseas API's calls on the one payment engine: its orders become charges and
 * refunds of {@link PaymentApi#GPAY}, and the engine's refusals become the API's codes
 * (spec §5.7). The engine itself knows no wire code.
 */
@Component
class GpayCalls {

    private final PaymentService payments;

    private final RefundService refunds;

    private final Vault vault;

    private static final String SECURITY_CODE_FORMAT = "securityCode is the card's 3 or 4 digit security code.";

    /**
     * An absent security code is the network's to decline; a present one is 3 or 4
     * digits.
     */
    private static boolean wellFormed(String securityCode) {
        return securityCode == null || securityCode.matches("[0-9]{3,4}");
    }

    GpayCalls(PaymentService payments, RefundService refunds, Vault vault) {
        this.payments = payments;
        this.refunds = refunds;
        this.vault = vault;
    }

    /** The window's payment: registers the card as a billing key, then charges it. */
    Map<String, ?> payByWindow(GpayOrder order, String cardNumber, String expiryYear, String expiryMonth,
            String securityCode) {
        if (!wellFormed(securityCode)) {
            return GpayAnswers.error(GpayCode.A0201, SECURITY_CODE_FORMAT);
        }
        BillingKey key;
        try {
            key = this.vault.registerForeignCard(PartnerId.of(order.partnerId()), cardNumber, expiryYear, expiryMonth,
                    new Payer(null, overseas(order).fullName(), null, order.email()));
        }
        catch (RegistrationRejected ex) {
            return GpayAnswers.error(GpayCode.A0302);
        }
        return charge(order, key.id(), securityCode, true);
    }

    /**
     * Charges a billing key the window registered; the payment as the API answers it,
     * flat for the window.
     */
    Map<String, ?> charge(GpayOrder order, BillingKeyId billingKeyId, String securityCode, boolean flat) {
        if (!wellFormed(securityCode)) {
            // Refused before a payment is written: a typo stores no declined payment and
            // leaves the order id free for the corrected request.
            return GpayAnswers.error(GpayCode.A0201, SECURITY_CODE_FORMAT);
        }
        ChargeRequest request = ChargeRequest.overseas(PartnerId.of(order.partnerId()),
                new ChargeMethod.OverseasCard(billingKeyId, overseas(order), securityCode),
                OrderId.ofNullable(order.serviceOid()), order.money(), order.comments(), order.email());
        try {
            Payment payment = this.payments.charge(request);
            return flat ? GpayAnswers.flat(payment) : GpayAnswers.payment(payment);
        }
        catch (ChargeRejected ex) {
            return GpayAnswers.error(switch (ex.reason()) {
                case BILLING_KEY_NOT_FOUND, BILLING_KEY_REVOKED, BILLING_KEY_OF_OTHER_TYPE -> GpayCode.A0203;
                case DUPLICATE_ORDER_ID -> GpayCode.A0202;
                case AMOUNT_BELOW_MINIMUM, GOODS_MISSING, VAT_ABOVE_AMOUNT, ALREADY_CHARGED_THIS_MONTH ->
                    GpayCode.A0201;
            });
        }
    }

    /**
     * A partner's overseas payment by its {@code api_id}, else its {@code service_oid}.
     */
    Optional<Payment> find(PartnerId partnerId, String payId, String serviceOid) {
        if (payId != null) {
            return this.payments.findById(PaymentId.of(payId))
                .filter((payment) -> payment.partnerId().equals(partnerId) && payment.api() == PaymentApi.GPAY);
        }
        return this.payments.find(partnerId, PaymentApi.GPAY, OrderId.of(serviceOid));
    }

    /** Cancels all or part of an overseas payment; the cancel as the API answers it. */
    Map<String, ?> cancel(PartnerId partnerId, String payId, String serviceOid, Money amount, String comments,
            String resultUrl) {
        try {
            RefundResult result = this.refunds.refundOverseas(partnerId, PaymentId.ofNullable(payId),
                    OrderId.ofNullable(serviceOid), amount, comments);
            return GpayAnswers.cancel(result.refund(), result.payment(), resultUrl);
        }
        catch (RefundRejected ex) {
            return GpayAnswers.error(switch (ex.reason()) {
                case PAYMENT_NOT_FOUND -> GpayCode.A0204;
                case CURRENCY_MISMATCH -> GpayCode.A0205;
                case EXCEEDS_BALANCE -> GpayCode.A0206;
                case WRONG_REFUND_KEY, INVALID_AMOUNT, NETWORK_REFUSED -> GpayCode.A0201;
            });
        }
    }

    private static Overseas overseas(GpayOrder order) {
        return new Overseas(order.firstName(), order.lastName(), order.serviceDefine(), order.resultUrl());
    }

}
