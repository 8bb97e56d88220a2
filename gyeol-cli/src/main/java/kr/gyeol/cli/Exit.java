package kr.gyeol.cli;

/** The command line's exit codes. */
final class Exit {

    /** Done. */
    static final int OK = 0;

    /** The gateway refused what was asked (a problem, a Payple error code). */
    static final int REFUSED = 1;

    /** The command line was wrong: an unknown command or option, a missing argument. */
    static final int USAGE = 2;

    /** No gateway answered at the base URL. */
    static final int UNREACHABLE = 3;

    /** The gateway refused the partner's credentials. */
    static final int CREDENTIALS = 4;

    private Exit() {
    }

}
