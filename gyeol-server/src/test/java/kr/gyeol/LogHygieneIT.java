package kr.gyeol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test of the module (its own failsafe execution) and reads the
 * logs of the whole run: no card number, account number, PIN digits or birth date used by
 * the tests may appear.
 */
class LogHygieneIT {

    /** Every card and account number the tests send. */
    private static final List<String> NUMBERS = List.of("4242424242424242", "4000000000000002", "4000000000009995",
            "4000000000000069", "4000000000000119", "9410123456789010", "46012345678121", "1000000009995",
            "1000000009998", "1000000009997", "1000000000119");

    /** A logged request body would show a birth date or PIN beside its field name. */
    private static final Pattern FIELD_VALUES = Pattern
        .compile("(PCD_PAYER_BIRTH|PCD_PAY_CARDPW|PCD_PAY_CARDNUM|PCD_PAY_BANKNUM|custKey|PCD_CUST_KEY)"
                + "[\"']?\\s*[:=]\\s*[\"']?[0-9a-z]");

    /** The birth dates and payment passwords the tests send. */
    private static final Pattern BIRTH_DATES = Pattern.compile("\\b(900101|851231|135790|246801)\\b");

    @Test
    void noSensitiveValueAppearsInTheLogsOfTheRun() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (String directory : List.of("target/test-logs", "target/failsafe-reports", "target/surefire-reports")) {
            Path path = Path.of(directory);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(Files::isRegularFile)
                        .filter(file -> file.toString().endsWith(".log") || file.toString().endsWith("-output.txt"))
                        .forEach(logs::add);
                }
            }
        }
        long bytes = 0;
        List<String> findings = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            bytes += text.length();
            for (String number : NUMBERS) {
                if (text.contains(number)) {
                    findings.add(log + ": a card or account number ending " + number.substring(number.length() - 4));
                }
            }
            if (FIELD_VALUES.matcher(text).find()) {
                findings.add(log + ": a sensitive request field with its value");
            }
            if (BIRTH_DATES.matcher(text).find()) {
                findings.add(log + ": a birth date used by the tests");
            }
        }
        // The check means nothing without the logs of the run: the gateway logs at least
        // its start-up.
        assertThat(bytes).as("bytes of test logs read from %s", logs).isGreaterThan(10_000);
        assertThat(findings).isEmpty();
    }

}
