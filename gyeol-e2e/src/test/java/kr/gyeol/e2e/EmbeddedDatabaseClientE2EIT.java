package kr.gyeol.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gyeol.e2e.support.GatewayProcess;

/**
 * The client against the gateway as one command starts it: on the PostgreSQL it starts
 * itself, with its data in a fresh directory.
 */
class EmbeddedDatabaseClientE2EIT extends ClientE2ECases {

    private Path dataDirectory;

    @Override
    GatewayProcess startGateway(int run) throws Exception {
        if (this.dataDirectory == null) {
            Files.createDirectories(GatewayProcess.work());
            this.dataDirectory = Files.createTempDirectory(GatewayProcess.work(), "data-");
        }
        List<String> arguments = new ArrayList<>(SETTINGS);
        arguments.add("--gyeol.data-dir=" + this.dataDirectory);
        return GatewayProcess.start("embedded-database-" + run, arguments);
    }

    @Override
    void stopDatabase() throws Exception {
        GatewayProcess.delete(this.dataDirectory);
    }

}
