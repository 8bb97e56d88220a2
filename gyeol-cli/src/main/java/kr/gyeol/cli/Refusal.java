package kr.gyeol.cli;

/** A command that cannot go on: a one-line reason and the exit code it ends with. */
final class Refusal extends RuntimeException {

    private final int exitCode;

    Refusal(int exitCode, String reason) {
        super(reason);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return this.exitCode;
    }

}
