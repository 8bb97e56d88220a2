package kr.gyeol.payment;

/** What a refund did to the payment's receipt. */
public enum AfterRefund {

    /** The payment had no standing receipt. */
    NONE,
    /** The receipt was cancelled: nothing is left to cover. */
    CANCELLED,
    /** The receipt was cancelled and a new one issued for what remains. */
    REISSUED

}
