package kr.gyeol.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line as a developer runs it: {@code bin/gyeol} (on this JDK and the
 * packaged gateway jar) or {@code java -jar gyeol-server.jar <command>}, in a process of
 * its own.
 *
 * @param exit its exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
public record GyeolCommand(int exit, String out, String err) {

    /** {@code bin/gyeol}. */
    public static String script() {
        return Path.of("../bin/gyeol").toAbsolutePath().toString();
    }

    /** {@code java -jar gyeol-server.jar}, as the start of a command line. */
    public static List<String> jar() {
        return List.of(java(), "-jar", Path.of("../gyeol-server/target/gyeol-server.jar").toAbsolutePath().toString());
    }

    /** This test's JDK's {@code java}. */
    public static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    /** {@code first} followed by {@code more}. */
    public static List<String> line(List<String> first, String... more) {
        List<String> line = new ArrayList<>(first);
        line.addAll(List.of(more));
        return line;
    }

    /** {@code first} followed by {@code more}. */
    public static List<String> line(List<String> first, List<String> more) {
        List<String> line = new ArrayList<>(first);
        line.addAll(more);
        return line;
    }

    /**
     * Runs a command line to its end (at most a minute), its output kept under
     * {@code work}.
     */
    public static GyeolCommand run(List<String> line, Path work) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out-", ".txt");
        Path err = Files.createTempFile(work, "err-", ".txt");
        Process process = start(line, out, err);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gyeol " + line + " did not end within 60 s");
        }
        return new GyeolCommand(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * Starts a command line that runs until stopped ({@code listen}), both outputs to
     * {@code out}.
     */
    public static Process start(List<String> line, Path out) throws IOException {
        return start(line, out, out);
    }

    private static Process start(List<String> line, Path out, Path err) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile());
        if (out.equals(err)) {
            builder.redirectErrorStream(true);
        }
        else {
            builder.redirectError(err.toFile());
        }
        builder.environment().put("JAVA_HOME", Path.of(java()).getParent().getParent().toString());
        builder.environment()
            .put("GYEOL_JAR", Path.of("../gyeol-server/target/gyeol-server.jar").toAbsolutePath().toString());
        return builder.start();
    }

    /** The last {@code "orderId"} of a {@code --json} answer. */
    public String orderId() {
        return this.out.replaceAll("(?s).*\"orderId\":\"([^\"]+)\".*", "$1");
    }

}
