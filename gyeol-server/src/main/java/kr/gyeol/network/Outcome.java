package kr.gyeol.network;

/** What the network answered: a closed set, matched exhaustively by callers. */
public sealed interface Outcome {

    /**
     * Approved.
     *
     * @param approvalNumber the issuer's approval number (8 digits for cards)
     */
    record Approved(String approvalNumber) implements Outcome {
    }

    /**
     * Declined, with the institution's code and message as Payple passes them on (spec
     * §2.6).
     */
    record Declined(DeclineReason reason, String institutionCode, String institutionMessage) implements Outcome {
    }

    /** No answer: money may or may not have moved. Never to be treated as declined. */
    record Unknown(String detail) implements Outcome {
    }

}
