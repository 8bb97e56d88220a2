package kr.gyeol.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.gyeol.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node and Python verifiers docs/webhooks.md gives a shop, run as written against a
 * signature the gateway makes: they accept it, and refuse a body that was changed. Node
 * and Python 3 must be installed ({@code .ci/run} installs Debian's).
 */
class WebhookVerificationDocsTest {

    private static final String BODY = "{\"PCD_PAY_RST\":\"success\",\"PCD_PAY_GOODS\":\"정기구독 \\\"월\\\"\",\"PCD_PAY_TOTAL\":\"10000\"}";

    private static String block(String language) throws IOException {
        Matcher block = Pattern.compile("(?s)```" + language + "\n(.*?)```")
            .matcher(Files.readString(Path.of("../docs/webhooks.md")));
        assertThat(block.find()).as("a " + language + " block in docs/webhooks.md").isTrue();
        return block.group(1);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static String interpreter(String name) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, name))) {
                return Path.of(folder, name).toString();
            }
        }
        throw new AssertionError(name + " is not installed (apt-get install -y "
                + (name.equals("node") ? "nodejs" : "python3") + "): the docs' " + name + " verifier cannot run");
    }

    @Test
    void theNodeAndPythonVerifiersAcceptTheGatewaysSignatureAndRefuseAChangedBody(@TempDir Path folder)
            throws Exception {
        String secret = WebhookSignature.newSecret();
        String id = "evt_docs";
        long timestamp = Instant.now().getEpochSecond();
        // Beside the new secret's, the old one's (a rotation's overlap).
        String header = WebhookSignature.sign(WebhookSignature.newSecret(), id, timestamp, BODY) + " "
                + WebhookSignature.sign(secret, id, timestamp, BODY);
        Files.writeString(folder.resolve("body"), BODY);
        Files.writeString(folder.resolve("changed"), BODY.replace("10000", "1000"));
        Files.writeString(folder.resolve("verify.js"), block("js") + """
                const fs = require('node:fs');
                const [secret, id, timestamp, header, file] = process.argv.slice(2);
                console.log(verify(secret, id, timestamp, fs.readFileSync(file, 'utf8'), header));
                """);
        Files.writeString(folder.resolve("verify.py"), block("python") + """

                import sys
                secret, id, timestamp, header, file = sys.argv[1:]
                print(str(verify(secret, id, timestamp, open(file, encoding='utf-8').read(), header)).lower())
                """);
        for (List<String> verifier : List.of(List.of(interpreter("node"), folder.resolve("verify.js").toString()),
                List.of(interpreter("python3"), folder.resolve("verify.py").toString()))) {
            List<String> signed = new java.util.ArrayList<>(verifier);
            signed.addAll(List.of(secret, id, Long.toString(timestamp), header, folder.resolve("body").toString()));
            assertThat(run(signed)).as(verifier.get(0)).isEqualTo("true");
            List<String> changed = new java.util.ArrayList<>(verifier);
            changed.addAll(List.of(secret, id, Long.toString(timestamp), header, folder.resolve("changed").toString()));
            assertThat(run(changed)).as(verifier.get(0)).isEqualTo("false");
        }
    }

}
