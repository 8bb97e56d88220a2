package kr.gyeol.client;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;

/**
 * Domestic payments: billing-key charges, CERT approvals, lookups and refunds. Get it
 * from {@link GyeolClient#payments()}.
 *
 * <p>
 * A charge is never sent twice. When its outcome is unknown — no answer, a server error,
 * or the network has not answered the gateway — the client looks the order id up and
 * returns what the lookup says; only when the lookup cannot tell does it raise
 * {@link OutcomeUnknownException}.
 */
public final class Payments {

    private static final Map<String, String> LOOKUP = Map.of(Fields.PAYCHK_FLAG, "Y");

    private final Domestic domestic;

    private final OrderIds orderIds;

    Payments(Domestic domestic, OrderIds orderIds) {
        this.domestic = domestic;
        this.orderIds = orderIds;
    }

    /**
     * Charges a billing key (spec §1.6, §1.7), authenticating first as Payple requires.
     * @return the approved payment, or the decline
     * @throws DuplicateOrderException when the order id (or, monthly, the month) was
     * charged before
     * @throws OutcomeUnknownException when neither the charge nor a lookup could tell how
     * it ended
     */
    public ChargeResult charge(Charge charge) {
        return charge(charge, Domestic.newIdempotencyKey());
    }

    /**
     * Charges as {@link #charge(Charge)} does, under the caller's
     * {@code Idempotency-Key}: calling it again with the same charge and key (say after
     * an {@link OutcomeUnknownException}, from another process) answers the first
     * charge's result and never charges twice. Give the charge an order id too, so a
     * retry is the same request.
     */
    public ChargeResult charge(Charge charge, String idempotencyKey) {
        String orderId = charge.orderId() != null ? charge.orderId() : this.orderIds.next();
        LocalDate startedOn = today();
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put(Fields.PAY_TYPE, charge.payType().wire());
        flags.put(charge.monthlyPeriod() != null ? Fields.REGULER_FLAG : Fields.SIMPLE_FLAG, "Y");
        Map<String, Object> body = new LinkedHashMap<>(flags);
        body.put(Fields.PAYER_ID, charge.billingKey());
        body.put(Fields.PAY_GOODS, charge.goods());
        body.put(Fields.PAY_TOTAL, Long.toString(charge.amount()));
        body.put(Fields.PAY_OID, orderId);
        body.put(Fields.PAY_ISTAX, charge.taxFree() ? "N" : "Y");
        if (charge.vat() != null) {
            body.put(Fields.PAY_TAXTOTAL, charge.vat().toString());
        }
        if (charge.monthlyPeriod() != null) {
            body.put(Fields.PAY_YEAR, Integer.toString(charge.monthlyPeriod().getYear()));
            body.put(Fields.PAY_MONTH, WireText.month(charge.monthlyPeriod()));
        }
        putPayer(body, charge.payer());
        if (charge.cashReceipt() != null) {
            body.put(Fields.TAXSAVE_FLAG, "Y");
            body.put(Fields.TAXSAVE_TRADE, charge.cashReceipt().use().wire());
            body.put(Fields.TAXSAVE_IDNUM, charge.cashReceipt().identityNumber());
        }
        putIfPresent(body, Fields.USER_DEFINE1, charge.userDefine1());
        putIfPresent(body, Fields.USER_DEFINE2, charge.userDefine2());
        // Authentication changes nothing at the gateway; only the charge itself must
        // never be sent twice.
        Domestic.Session session = this.domestic.authenticate(flags);
        Map<String, String> answer;
        try {
            answer = this.domestic.change(session, body, orderId, idempotencyKey);
        }
        catch (OutcomeUnknownException noAnswer) {
            return settle(charge.payType(), orderId, startedOn, noAnswer);
        }
        return outcome(answer, charge.payType(), orderId, startedOn);
    }

    /**
     * Gives the final approval of a payment the window authenticated with
     * {@code PCD_PAY_WORK=CERT} (spec §1.5).
     * @return the approved payment, or the decline
     */
    public ChargeResult confirm(CertApproval approval) {
        LocalDate startedOn = today();
        Endpoint endpoint = approval.payType() == PayType.CARD ? Endpoint.CARD_CONFIRM : Endpoint.ACCOUNT_CONFIRM;
        URI uri = URI.create(this.domestic.settings().hosts().domestic() + endpoint.payUrl());
        Map<String, Object> body = new LinkedHashMap<>();
        // Payple's samples confirm with the raw credentials and the window's AuthKey.
        body.put(Fields.CST_ID, this.domestic.settings().partnerId());
        body.put(Fields.CUST_KEY, this.domestic.settings().partnerKey());
        body.put(Fields.AUTH_KEY_FIELD, approval.authKey());
        body.put(Fields.PAY_REQKEY, approval.requestKey());
        body.put(Fields.PAY_TYPE, approval.payType().wire());
        putIfPresent(body, Fields.PAYER_ID, approval.billingKey());
        Map<String, String> answer;
        try {
            answer = this.domestic.call(uri, body, false, approval.orderId());
        }
        catch (OutcomeUnknownException noAnswer) {
            if (approval.orderId() == null) {
                throw noAnswer;
            }
            return settle(approval.payType(), approval.orderId(), startedOn, noAnswer);
        }
        return outcome(answer, approval.payType(), approval.orderId(), startedOn);
    }

    /**
     * Looks a payment up (spec §1.9), reusing one partner session for up to 25 minutes.
     * @param paidOn the day the payment was made, Korean time
     * @return how it ended, or empty when there is no such payment
     * @throws OutcomeUnknownException when the payment exists but its outcome is not
     * known yet
     */
    public Optional<ChargeResult> lookup(PayType payType, String orderId, LocalDate paidOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.PAYCHK_FLAG, "Y");
        body.put(Fields.PAY_TYPE, payType.wire());
        body.put(Fields.PAY_OID, orderId);
        body.put(Fields.PAY_DATE, WireText.day(paidOn));
        Map<String, String> answer = this.domestic.read(LOOKUP, body, orderId);
        if (Domestic.succeeded(answer)) {
            return Optional.of(new ChargeResult.Approved(payment(answer)));
        }
        String code = answer.get(Fields.PAY_CODE);
        if (Codes.NOT_FOUND.equals(code)) {
            return Optional.empty();
        }
        if (Codes.declined(code)) {
            return Optional.of(new ChargeResult.Declined(orderId, code, answer.get(Fields.PAY_MSG)));
        }
        if (Codes.unknown(code)) {
            throw new OutcomeUnknownException(code, answer.get(Fields.PAY_MSG), orderId,
                    "The payment's outcome is not known yet", null);
        }
        throw Domestic.refusal(answer, orderId);
    }

    /**
     * Cancels (card) or refunds (account) a payment in full or in part (spec §1.8), with
     * the refund key the client was built with. Never retried: a refund whose answer was
     * lost may have happened.
     * @throws AuthenticationException when the refund key is wrong
     * @throws OutcomeUnknownException when the card company or bank has not answered; the
     * gateway settles it, so do not send the refund again
     */
    public Refund refund(RefundRequest request) {
        String refundKey = this.domestic.settings().refundKey();
        if (refundKey == null) {
            throw new IllegalStateException("Refunds need the refund key: GyeolClient.builder().refundKey(…)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.REFUND_KEY, refundKey);
        body.put(Fields.PAYCANCEL_FLAG, "Y");
        body.put(Fields.PAY_OID, request.orderId());
        body.put(Fields.PAY_DATE, WireText.day(request.paidOn()));
        body.put(Fields.REFUND_TOTAL, Long.toString(request.amount()));
        if (request.vat() != null) {
            body.put(Fields.REFUND_TAXTOTAL, request.vat().toString());
        }
        if (request.monthlyPeriod() != null) {
            body.put(Fields.REGULER_FLAG, "Y");
            body.put(Fields.PAY_YEAR, Integer.toString(request.monthlyPeriod().getYear()));
            body.put(Fields.PAY_MONTH, WireText.month(request.monthlyPeriod()));
        }
        Map<String, String> answer = this.domestic.once(Map.of(Fields.PAYCANCEL_FLAG, "Y"), body, request.orderId());
        if (!Domestic.succeeded(answer)) {
            // A refund the network has not answered is recorded with its time; a refused
            // one only echoes the request.
            if (answer.containsKey(Fields.REFUND_TIME)) {
                throw new OutcomeUnknownException(answer.get(Fields.PAY_CODE), answer.get(Fields.PAY_MSG),
                        request.orderId(), "The refund's outcome is not known yet", null);
            }
            throw Domestic.refusal(answer, request.orderId());
        }
        return new Refund(answer.get(Fields.PAY_OID), PayType.fromWire(answer.get(Fields.PAY_TYPE)),
                WireText.amount(answer.get(Fields.PAY_TOTAL)), WireText.amount(answer.get(Fields.REFUND_TOTAL)),
                WireText.amount(answer.getOrDefault(Fields.REFUND_TAXTOTAL, answer.get(Fields.PAY_TAXTOTAL))),
                WireText.time(answer.get(Fields.REFUND_TIME)),
                WireText.blankToNull(answer.get(Fields.PAY_CARDTRADENUM)),
                WireText.blankToNull(answer.get(Fields.TAXSAVE_RST)),
                WireText.blankToNull(answer.get(Fields.TAXSAVE_MSG)), answer.get(Fields.PAY_MSG));
    }

    private ChargeResult outcome(Map<String, String> answer, PayType payType, String orderId, LocalDate startedOn) {
        if (Domestic.succeeded(answer)) {
            return new ChargeResult.Approved(payment(answer));
        }
        String code = answer.get(Fields.PAY_CODE);
        String message = answer.get(Fields.PAY_MSG);
        if (Codes.declined(code)) {
            return new ChargeResult.Declined(orderId, code, message);
        }
        if (orderId != null && (Codes.unknown(code) || Codes.generic(code))) {
            Optional<ChargeResult> found = lookupAround(payType, orderId, startedOn);
            if (found.isPresent()) {
                return found.get();
            }
            // The gateway answered and recorded no payment: nothing was charged.
            if (Codes.unknown(code)) {
                return new ChargeResult.Declined(orderId, code, message);
            }
        }
        throw Domestic.refusal(answer, orderId);
    }

    /** Settles a charge that got no answer by looking its order id up. */
    private ChargeResult settle(PayType payType, String orderId, LocalDate startedOn, OutcomeUnknownException cause) {
        Optional<ChargeResult> found;
        try {
            found = lookupAround(payType, orderId, startedOn);
        }
        catch (OutcomeUnknownException stillUnknown) {
            stillUnknown.addSuppressed(cause);
            throw stillUnknown;
        }
        return found.orElseThrow(() -> new OutcomeUnknownException(null, null, orderId,
                "No answer to the charge, and no payment found under its order id yet", cause));
    }

    /** Looks on the day the charge started and, past midnight, on today too. */
    private Optional<ChargeResult> lookupAround(PayType payType, String orderId, LocalDate startedOn) {
        Set<LocalDate> days = new LinkedHashSet<>();
        days.add(startedOn);
        days.add(today());
        for (LocalDate day : days) {
            Optional<ChargeResult> found = lookup(payType, orderId, day);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private LocalDate today() {
        return LocalDate.now(this.domestic.clock().withZone(WireText.KOREA));
    }

    static void putPayer(Map<String, Object> body, Payer payer) {
        putIfPresent(body, Fields.PAYER_NO, payer.number());
        putIfPresent(body, Fields.PAYER_NAME, payer.name());
        putIfPresent(body, Fields.PAYER_HP, payer.phone());
        putIfPresent(body, Fields.PAYER_EMAIL, payer.email());
    }

    static void putIfPresent(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    /** Reads an approved payment from a charge, confirmation or lookup answer. */
    static Payment payment(Map<String, String> answer) {
        PayType payType = PayType.fromWire(answer.get(Fields.PAY_TYPE));
        String total = answer.get(Fields.PAY_TOTAL);
        return new Payment(answer.get(Fields.PAY_OID), payType, WireText.blankToNull(answer.get(Fields.PAYER_ID)),
                WireText.blankToNull(answer.get(Fields.PAYER_NO)), answer.get(Fields.PAY_GOODS),
                WireText.amount(total != null ? total : answer.get(Fields.PAY_AMOUNT_REAL)),
                WireText.amount(answer.get(Fields.PAY_TAXTOTAL)), "N".equalsIgnoreCase(answer.get(Fields.PAY_ISTAX)),
                WireText.time(answer.get(Fields.PAY_TIME)),
                WireText.period(answer.get(Fields.REGULER_FLAG), answer.get(Fields.PAY_YEAR),
                        answer.get(Fields.PAY_MONTH)),
                WireText.blankToNull(first(answer, Fields.PAY_CARDNAME, Fields.LEGACY_CARDNAME)),
                WireText.blankToNull(first(answer, Fields.PAY_CARDNUM, Fields.LEGACY_CARDNUM)),
                WireText.blankToNull(first(answer, Fields.PAY_CARDTRADENUM, Fields.LEGACY_CARDTRADENUM)),
                WireText.blankToNull(answer.get(Fields.PAY_CARDAUTHNO)),
                WireText.blankToNull(answer.get(Fields.PAY_CARDRECEIPT)),
                WireText.blankToNull(answer.get(Fields.PAY_BANK)),
                WireText.blankToNull(answer.get(Fields.PAY_BANKNAME)),
                WireText.blankToNull(answer.get(Fields.PAY_BANKNUM)),
                "Y".equalsIgnoreCase(answer.get(Fields.TAXSAVE_RST)),
                WireText.blankToNull(answer.get(Fields.TAXSAVE_MGTNUM)),
                WireText.blankToNull(answer.get(Fields.USER_DEFINE1)),
                WireText.blankToNull(answer.get(Fields.USER_DEFINE2)), answer.get(Fields.PAY_CODE),
                answer.get(Fields.PAY_MSG));
    }

    private static String first(Map<String, String> answer, String field, String legacy) {
        String value = answer.get(field);
        return value == null || value.isBlank() ? answer.get(legacy) : value;
    }

}
