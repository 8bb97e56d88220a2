package kr.gyeol.window;

import kr.gyeol.partner.IssuedSession;
import kr.gyeol.payment.AppCardCharge;
import kr.gyeol.payment.Payment;
import kr.gyeol.vault.BillingKey;

/** How a window run ended; a closed set the edge maps to Payple's result fields. */
public sealed interface WindowOutcome {

    /** AUTH: the card is registered. */
    record Registered(BillingKey key) implements WindowOutcome {
    }

    /**
     * PAY: registered (or approved in an app) and charged; the payment may still be
     * declined or unknown.
     *
     * @param key the billing key charged, or null for an app-card payment
     */
    record Charged(BillingKey key, Payment payment) implements WindowOutcome {
    }

    /**
     * CERT: registered and authenticated, or approved in an app; the partner confirms
     * with the request key.
     *
     * @param key the billing key to charge, or null for an app card
     * @param appCard the card approved in an app, or null for a billing key
     */
    record AwaitingConfirmation(BillingKey key, AppCardCharge appCard, String requestKey,
            IssuedSession confirmation) implements WindowOutcome {
    }

    /**
     * A password re-payment's password was wrong; the window stays open.
     *
     * @param triesLeft wrong tries left before the password locks
     */
    record WrongPassword(int triesLeft) implements WindowOutcome {
    }

    /**
     * The number keyed into the ARS call was wrong; the window stays open.
     *
     * @param triesLeft wrong tries left before the registration is refused
     */
    record WrongArsNumber(int triesLeft) implements WindowOutcome {
    }

    /** The card could not be registered or the request could not be charged. */
    record Refused(Reason reason, String institutionCode, String institutionMessage) implements WindowOutcome {
    }

    /** Why a window run was refused. */
    enum Reason {

        SESSION_EXPIRED, ALREADY_PROCESSED, INVALID_BIRTH_DATE, INVALID_CARD_NUMBER, INVALID_EXPIRY, INVALID_PIN,
        CARD_NOT_VERIFIED, DUPLICATE_ORDER_ID, ALREADY_CHARGED_THIS_MONTH, AMOUNT_BELOW_MINIMUM, GOODS_MISSING,
        INVALID_VAT, INVALID_ACCOUNT, BANK_MAINTENANCE, ARS_MISMATCH, INVALID_APP_CARD, INVALID_INSTALLMENTS,
        KEY_NOT_FOUND, KEY_REVOKED, KEY_OF_OTHER_TYPE, PASSWORD_NOT_SET, PASSWORD_LOCKED

    }

}
