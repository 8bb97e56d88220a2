package kr.gyeol.e2e;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import kr.gyeol.e2e.support.GatewayProcess;

/**
 * The client against the gateway as one command starts it: on the PostgreSQL it starts
 * itself, with its data in a fresh directory.
 */
class EmbeddedDatabaseClientE2EIT extends ClientE2ECases {

    @Override
    GatewayProcess startGateway() throws Exception {
        Files.createDirectories(GatewayProcess.work());
        List<String> arguments = new ArrayList<>(SETTINGS);
        arguments.add("--gyeol.data-dir=" + Files.createTempDirectory(GatewayProcess.work(), "data-"));
        return GatewayProcess.start("embedded-database", arguments);
    }

}
