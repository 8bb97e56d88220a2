package kr.gyeol.vault;

/** A registration or a billing-key request that cannot be carried out. */
public final class RegistrationRejected extends RuntimeException {

    /** Why; the order follows Payple's CDAUCK numbering where it applies. */
    public enum Reason {

        INVALID_BIRTH_DATE, INVALID_CARD_NUMBER, INVALID_EXPIRY, INVALID_PIN, CARD_NOT_VERIFIED, INVALID_ACCOUNT,
        BANK_MAINTENANCE, REGISTRATION_NOT_FOUND, CONFIRMATION_MISMATCH, KEY_NOT_FOUND, KEY_REVOKED, KEY_OF_OTHER_TYPE

    }

    private final Reason reason;

    private final String institutionCode;

    private final String institutionMessage;

    public RegistrationRejected(Reason reason) {
        this(reason, null, null);
    }

    public RegistrationRejected(Reason reason, String institutionCode, String institutionMessage) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.institutionCode = institutionCode;
        this.institutionMessage = institutionMessage;
    }

    public Reason reason() {
        return reason;
    }

    /** The card company's or bank's code when it refused, else null. */
    public String institutionCode() {
        return institutionCode;
    }

    public String institutionMessage() {
        return institutionMessage;
    }

}
