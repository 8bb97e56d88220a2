package kr.gyeol.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargeBenchmarkOptionsTest {

    @Test
    void onlyTheBaseIsRequired() {
        ChargeBenchmark.Options options = ChargeBenchmark.Options.parse(new String[] { "--base", "http://h:1" });
        assertThat(options).isEqualTo(new ChargeBenchmark.Options(List.of("http://h:1"), "test", "abcd1234567890", 64,
                20, 20, 1, null, null, false));
    }

    @Test
    void everyOptionIsRead() {
        ChargeBenchmark.Options options = ChargeBenchmark.Options
            .parse(new String[] { "--base", "http://h:1,http://h:2", "--partner", "p", "--partner-key", "k",
                    "--clients", "8", "--seconds", "5", "--warmup", "0", "--keys", "100", "--key-file", "/tmp/keys",
                    "--keys-from", "/tmp/old", "--work", "refusals" });
        assertThat(options).isEqualTo(new ChargeBenchmark.Options(List.of("http://h:1", "http://h:2"), "p", "k", 8, 5,
                0, 100, Path.of("/tmp/keys"), Path.of("/tmp/old"), true));
    }

    @Test
    void wrongCommandLinesSayWhatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChargeBenchmark.Options.parse(new String[] {}))
            .withMessage("--base is required");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ChargeBenchmark.Options.parse(new String[] { "--base", "b", "--clients", "0" }))
            .withMessage("--clients must be at least 1");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ChargeBenchmark.Options.parse(new String[] { "--base", "b", "--warmup", "-1" }))
            .withMessage("--warmup must not be negative");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ChargeBenchmark.Options.parse(new String[] { "--base", "b", "--seconds", "1s" }))
            .withMessage("--seconds must be a whole number, not 1s");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ChargeBenchmark.Options.parse(new String[] { "--base", "b", "--threads", "2" }))
            .withMessage("unknown option --threads");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ChargeBenchmark.Options.parse(new String[] { "--base", "b", "--work", "lunch" }))
            .withMessage("--work is charges or refusals, not lunch");
        assertThatIllegalArgumentException().isThrownBy(() -> ChargeBenchmark.Options.parse(new String[] { "--base" }))
            .withMessage("expected --name value at --base");
    }

}
