package kr.gyeol.partner;

/** What an AuthKey was issued for. A key works only for its own operation. */
public enum Operation {

    PAYMENT_WINDOW(true), SIMPLE_PAY_CARD(true), SIMPLE_PAY_ACCOUNT(true), MONTHLY_PAY_CARD(true),
    MONTHLY_PAY_ACCOUNT(true), PAYMENT_LOOKUP(false), CANCEL(true), BILLING_KEY_INFO(false), BILLING_KEY_REVOKE(true),
    LINK_REGISTER(true), CASH_RECEIPT_ISSUE(true), CASH_RECEIPT_CANCEL(true), REGISTER(true),
    REGISTER_ACCOUNT_CONFIRM(true), PAYMENT_CONFIRM(true);

    private final boolean singleUse;

    Operation(boolean singleUse) {
        this.singleUse = singleUse;
    }

    /**
     * Payments, cancels and revocations take one partner authentication each; lookups may
     * reuse theirs within its lifetime (spec §4.1).
     */
    public boolean singleUse() {
        return singleUse;
    }

}
