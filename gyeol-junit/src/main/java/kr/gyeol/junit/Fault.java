package kr.gyeol.junit;

/**
 * A fault to arm on the simulated network for this test's partner: how its next charges
 * end, of one billing key or any, once or {@link #times(int) several times}.
 *
 * <pre>{@code
 * gyeol.arm(Fault.decline("INSUFFICIENT_FUNDS").forBillingKey(key));
 * gyeol.arm(Fault.timeoutThenApprove());   // UNKNOWN until gyeol.settleNow()
 * }</pre>
 *
 * @param outcome what the network does
 * @param billingKey the billing key whose charges it takes, or null for any
 * @param declineReason why it declines, for a decline
 * @param count how many charges it takes
 */
public record Fault(String outcome, String billingKey, String declineReason, int count) {

    /** Approved, whatever the card. */
    public static Fault approve() {
        return new Fault("APPROVE", null, null, 1);
    }

    /**
     * Declined, for {@code reason}: {@code GENERIC}, {@code INSUFFICIENT_FUNDS},
     * {@code EXPIRED_CARD}, {@code INVALID_CARD}, {@code BANK_MAINTENANCE}, …
     */
    public static Fault decline(String reason) {
        return new Fault("DECLINE", null, reason, 1);
    }

    /** Approved by the network, its answer lost: UNKNOWN until settled, then APPROVED. */
    public static Fault timeoutThenApprove() {
        return new Fault("TIMEOUT_THEN_APPROVE", null, null, 1);
    }

    /** Declined by the network, its answer lost: UNKNOWN until settled, then DECLINED. */
    public static Fault timeoutThenDecline(String reason) {
        return new Fault("TIMEOUT_THEN_DECLINE", null, reason, 1);
    }

    /** Never answered: UNKNOWN, and it stays so. */
    public static Fault neverAnswer() {
        return new Fault("NEVER_ANSWER", null, null, 1);
    }

    /** The same fault for one billing key's charges only. */
    public Fault forBillingKey(String key) {
        return new Fault(this.outcome, key, this.declineReason, this.count);
    }

    /** The same fault for the next {@code charges} charges. */
    public Fault times(int charges) {
        return new Fault(this.outcome, this.billingKey, this.declineReason, charges);
    }

}
