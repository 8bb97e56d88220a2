package kr.gyeol.junit;

/**
 * A fault to arm on the simulated network for this test's partner: how its next charges
 * (or {@link #onRefunds() refunds}, or {@link #onRegistrations() registrations}) end, of
 * one billing key, one card number or any, once or {@link #times(int) several times}.
 *
 * <pre>{@code
 * gyeol.arm(Fault.decline("INSUFFICIENT_FUNDS").forBillingKey(key));
 * gyeol.arm(Fault.timeoutThenApprove());   // UNKNOWN until gyeol.settleNow()
 * gyeol.arm(Fault.decline("GENERIC").onRefunds());
 * gyeol.arm(Fault.decline("INVALID_CARD").onRegistrations().forCard("5555555555554444"));
 * }</pre>
 *
 * @param operation {@code CHARGE}, {@code REFUND} or {@code REGISTRATION}
 * @param outcome what the network does
 * @param billingKey the billing key whose calls it takes, or null
 * @param cardNumber the card number whose charges or registrations it takes, or null;
 * with neither it takes any
 * @param declineReason why it declines, for a decline
 * @param count how many calls it takes
 */
public record Fault(String operation, String outcome, String billingKey, String cardNumber, String declineReason,
        int count) {

    /** Approved, whatever the card. */
    public static Fault approve() {
        return new Fault("CHARGE", "APPROVE", null, null, null, 1);
    }

    /**
     * Declined, for {@code reason}: {@code GENERIC}, {@code INSUFFICIENT_FUNDS},
     * {@code EXPIRED_CARD}, {@code INVALID_CARD}, {@code BANK_MAINTENANCE}, …
     */
    public static Fault decline(String reason) {
        return new Fault("CHARGE", "DECLINE", null, null, reason, 1);
    }

    /** Approved by the network, its answer lost: UNKNOWN until settled, then APPROVED. */
    public static Fault timeoutThenApprove() {
        return new Fault("CHARGE", "TIMEOUT_THEN_APPROVE", null, null, null, 1);
    }

    /** Declined by the network, its answer lost: UNKNOWN until settled, then DECLINED. */
    public static Fault timeoutThenDecline(String reason) {
        return new Fault("CHARGE", "TIMEOUT_THEN_DECLINE", null, null, reason, 1);
    }

    /**
     * Never answered nor recorded by the network: UNKNOWN, and settling cannot learn
     * more.
     */
    public static Fault neverAnswer() {
        return new Fault("CHARGE", "NEVER_ANSWER", null, null, null, 1);
    }

    /** The same fault for refunds (the network's cancels) instead of charges. */
    public Fault onRefunds() {
        return new Fault("REFUND", this.outcome, this.billingKey, this.cardNumber, this.declineReason, this.count);
    }

    /**
     * The same fault for registrations (the network's check of a card or an account)
     * instead of charges: {@link #approve()} or {@link #decline(String)} only.
     */
    public Fault onRegistrations() {
        return new Fault("REGISTRATION", this.outcome, this.billingKey, this.cardNumber, this.declineReason,
                this.count);
    }

    /** The same fault for one billing key's calls only. */
    public Fault forBillingKey(String key) {
        return new Fault(this.operation, this.outcome, key, null, this.declineReason, this.count);
    }

    /**
     * The same fault for one card number's charges or registrations only, whichever of
     * the partner's keys holds it. The gateway keeps a keyed digest and the masked
     * number, never the digits.
     */
    public Fault forCard(String number) {
        return new Fault(this.operation, this.outcome, null, number, this.declineReason, this.count);
    }

    /** The same fault for the next {@code calls} calls. */
    public Fault times(int calls) {
        return new Fault(this.operation, this.outcome, this.billingKey, this.cardNumber, this.declineReason, calls);
    }

    /** Names the card by its last four digits only. */
    @Override
    public String toString() {
        return "Fault[" + this.operation + " " + this.outcome
                + (this.cardNumber == null ? ""
                        : " card *" + this.cardNumber.substring(Math.max(0, this.cardNumber.length() - 4)))
                + " x" + this.count + "]";
    }

}
