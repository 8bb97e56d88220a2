package kr.gyeol.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kr.gyeol.e2e.support.GatewayProcess;

/**
 * Gateways of one test on their embedded databases, each on a data directory of the
 * test's: closing stops them, checks that no log of theirs holds a secret, and deletes
 * the directories.
 */
final class EmbeddedGateways implements AutoCloseable {

    private final List<GatewayProcess> gateways = new ArrayList<>();

    private final List<Path> directories = new ArrayList<>();

    /** A new, empty data directory. */
    Path dataDirectory(String prefix) throws IOException {
        Files.createDirectories(GatewayProcess.work());
        Path directory = Files.createTempDirectory(GatewayProcess.work(), prefix);
        this.directories.add(directory);
        return directory;
    }

    /** Starts a gateway on {@code data} with {@code settings} besides. */
    GatewayProcess start(String name, Path data, String... settings) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--gyeol.data-dir=" + data));
        arguments.addAll(List.of(settings));
        GatewayProcess gateway = GatewayProcess.start(name, arguments);
        this.gateways.add(gateway);
        return gateway;
    }

    @Override
    public void close() throws Exception {
        for (GatewayProcess gateway : this.gateways) {
            gateway.close();
        }
        for (GatewayProcess gateway : this.gateways) {
            ClientE2ECases.assertNoSecretsIn(gateway.log());
        }
        for (Path directory : this.directories) {
            GatewayProcess.delete(directory);
        }
    }

}
