package kr.gyeol.partner;

/** auth.php refused: the partner could not be authenticated. */
public final class PartnerAuthenticationFailed extends RuntimeException {

    /** Why, in the order auth.php checks. */
    public enum Reason {

        MISSING_PARTNER_ID, MISSING_SECRET, UNKNOWN_PARTNER, WRONG_SECRET, DOMAIN_NOT_REGISTERED

    }

    private final Reason reason;

    public PartnerAuthenticationFailed(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

}
