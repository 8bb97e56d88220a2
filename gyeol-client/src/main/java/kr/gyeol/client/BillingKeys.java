package kr.gyeol.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.protocol.Fields;

/**
 * Billing keys: registration over REST (cards at once, accounts with an ARS
 * confirmation), lookup and revocation (spec §1.10, §1.13). Get it from
 * {@link GyeolClient#billingKeys()}. Registrations and revocations are sent once; lookups
 * are retried and share one partner session for up to 25 minutes.
 */
public final class BillingKeys {

    private static final String AUTHREG = "AUTHREG";

    private static final Map<String, String> INFO = Map.of(Fields.PAY_WORK, "PUSERINFO");

    private final Domestic domestic;

    BillingKeys(Domestic domestic) {
        this.domestic = domestic;
    }

    /**
     * Registers a card; the card company checks it first.
     * @throws InvalidRequestException when the card data is wrong or the card company
     * refuses it
     */
    public BillingKey registerCard(CardRegistration card) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.PAY_WORK, AUTHREG);
        body.put(Fields.PAY_TYPE, PayType.CARD.wire());
        Payments.putPayer(body, card.payer());
        Payments.putIfPresent(body, Fields.PAYER_BIRTH, card.birth());
        body.put(Fields.PAY_CARDNUM, card.cardNumber());
        body.put(Fields.PAY_CARDEXYEAR, card.expiryYear());
        body.put(Fields.PAY_CARDEXMONTH, card.expiryMonth());
        Payments.putIfPresent(body, Fields.PAY_CARDPW, card.pinPrefix());
        Map<String, String> answer = this.domestic
            .once(Map.of(Fields.PAY_WORK, AUTHREG, Fields.PAY_TYPE, PayType.CARD.wire()), body, null);
        if (!Domestic.succeeded(answer)) {
            throw Domestic.refusal(answer, null);
        }
        return billingKey(answer);
    }

    /**
     * Starts an account registration; the bank calls the customer, who keys in the
     * request number of the answer.
     * @throws InvalidRequestException when the account data is wrong
     */
    public AccountVerification requestAccountRegistration(AccountRegistration account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.PAY_WORK, AUTHREG);
        body.put(Fields.PAY_TYPE, PayType.ACCOUNT.wire());
        Payments.putPayer(body, account.payer());
        body.put(Fields.PAY_BANKACCTYPE, account.corporate() ? "corporate" : "personal");
        Payments.putIfPresent(body, Fields.PAYER_BIRTH, account.birth());
        body.put(Fields.PAY_BANK, account.bankCode());
        body.put(Fields.PAY_BANKNUM, account.accountNumber());
        Map<String, String> answer = this.domestic
            .once(Map.of(Fields.PAY_WORK, AUTHREG, Fields.PAY_TYPE, PayType.ACCOUNT.wire()), body, null);
        if (!Domestic.succeeded(answer) || answer.get(Fields.RETURN_URL) == null) {
            throw Domestic.refusal(answer, null);
        }
        return new AccountVerification(answer.get(Fields.AUTH_REQNUM), answer.get(Fields.AUTH_NUM),
                URI.create(answer.get(Fields.RETURN_URL)), answer.get(Fields.CST_ID), answer.get(Fields.CUST_KEY),
                answer.get(Fields.AUTH_KEY_FIELD));
    }

    /**
     * Completes an account registration after the customer's ARS call.
     * @param arsCode the code the ARS step produced ({@code PCD_AUTH_CODE})
     * @throws InvalidRequestException when the code does not match or the session is over
     */
    public BillingKey confirmAccount(AccountVerification verification, String arsCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.CST_ID, verification.cstId());
        body.put(Fields.CUST_KEY, verification.custKey());
        body.put(Fields.AUTH_KEY_FIELD, verification.authKey());
        body.put(Fields.PAY_WORK, AUTHREG);
        body.put(Fields.PAY_TYPE, PayType.ACCOUNT.wire());
        body.put(Fields.AUTH_NUM, verification.arsRequestId());
        body.put(Fields.AUTH_REQNUM, verification.requestNumber());
        body.put(Fields.AUTH_CODE_FIELD, arsCode);
        Map<String, String> answer = this.domestic.call(verification.confirmUrl(), body, false, null);
        if (!Domestic.succeeded(answer)) {
            throw Domestic.refusal(answer, null);
        }
        return billingKey(answer);
    }

    /**
     * Looks a billing key up ({@code PUSERINFO}).
     * @throws InvalidRequestException when there is no such key or it was revoked
     */
    public BillingKey find(String billingKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.PAY_WORK, "PUSERINFO");
        body.put(Fields.PAYER_ID, billingKey);
        Map<String, String> answer = this.domestic.read(INFO, body, null);
        if (!Domestic.succeeded(answer)) {
            throw Domestic.refusal(answer, null);
        }
        return billingKey(answer);
    }

    /**
     * Revokes a billing key ({@code PUSERDEL}); it cannot be charged afterwards.
     * @throws InvalidRequestException when there is no such key or it was already revoked
     */
    public void revoke(String billingKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.PAY_WORK, "PUSERDEL");
        body.put(Fields.PAYER_ID, billingKey);
        Map<String, String> answer = this.domestic.once(Map.of(Fields.PAY_WORK, "PUSERDEL"), body, null);
        if (!Domestic.succeeded(answer)) {
            throw Domestic.refusal(answer, null);
        }
    }

    private static BillingKey billingKey(Map<String, String> answer) {
        PayType payType = PayType.fromWire(answer.get(Fields.PAY_TYPE));
        boolean card = payType == PayType.CARD;
        return new BillingKey(answer.get(Fields.PAYER_ID), payType, WireText.blankToNull(answer.get(Fields.PAYER_NO)),
                WireText.blankToNull(answer.get(Fields.PAYER_NAME)), WireText.blankToNull(answer.get(Fields.PAYER_HP)),
                card ? WireText.blankToNull(answer.get(Fields.PAY_CARD)) : null,
                card ? WireText.blankToNull(answer.get(Fields.PAY_CARDNAME)) : null,
                card ? WireText.blankToNull(answer.get(Fields.PAY_CARDNUM)) : null,
                card ? null : WireText.blankToNull(answer.get(Fields.PAY_BANK)),
                card ? null : WireText.blankToNull(answer.get(Fields.PAY_BANKNAME)),
                card ? null : WireText.blankToNull(answer.get(Fields.PAY_BANKNUM)),
                WireText.blankToNull(answer.get(Fields.PAY_BANKACCTYPE)));
    }

}
