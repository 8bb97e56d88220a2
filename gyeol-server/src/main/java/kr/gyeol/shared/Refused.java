package kr.gyeol.shared;

/**
 * A request of Gyeol's own JSON APIs that a domain refuses, with a stable code for
 * partners to branch on and a sentence on what to fix. The JSON edge answers it as an RFC
 * 9457 problem whose status follows {@link Kind}.
 */
public abstract class Refused extends RuntimeException {

    /** What sort of refusal it is, which the edge maps to an HTTP status. */
    public enum Kind {

        /** The input is malformed or out of range (400). */
        INVALID,

        /** Nothing of this partner has that id (404). */
        NOT_FOUND,

        /** The request is well formed but the subject's state does not allow it (409). */
        CONFLICT,

        /** The partner may not do this (403), e.g. a live partner and a test clock. */
        FORBIDDEN

    }

    private final String code;

    private final Kind kind;

    protected Refused(Kind kind, String code, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public String code() {
        return this.code;
    }

    public Kind kind() {
        return this.kind;
    }

}
