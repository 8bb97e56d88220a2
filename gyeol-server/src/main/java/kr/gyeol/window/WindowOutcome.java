package kr.gyeol.window;

import kr.gyeol.partner.IssuedSession;
import kr.gyeol.payment.Payment;
import kr.gyeol.vault.BillingKey;

/** How a window run ended; a closed set the edge maps to Payple's result fields. */
public sealed interface WindowOutcome {

    /** AUTH: the card is registered. */
    record Registered(BillingKey key) implements WindowOutcome {
    }

    /** PAY: registered and charged; the payment may still be declined or unknown. */
    record Charged(BillingKey key, Payment payment) implements WindowOutcome {
    }

    /** CERT: registered and authenticated; the partner confirms with the request key. */
    record AwaitingConfirmation(BillingKey key, String requestKey,
            IssuedSession confirmation) implements WindowOutcome {
    }

    /** The card could not be registered or the request could not be charged. */
    record Refused(Reason reason, String institutionCode, String institutionMessage) implements WindowOutcome {
    }

    /** Why a window run was refused. */
    enum Reason {

        SESSION_EXPIRED, ALREADY_PROCESSED, INVALID_BIRTH_DATE, INVALID_CARD_NUMBER, INVALID_EXPIRY, INVALID_PIN,
        CARD_NOT_VERIFIED, DUPLICATE_ORDER_ID, ALREADY_CHARGED_THIS_MONTH, AMOUNT_BELOW_MINIMUM, GOODS_MISSING,
        INVALID_VAT, INVALID_ACCOUNT, BANK_MAINTENANCE, ARS_MISMATCH

    }

}
