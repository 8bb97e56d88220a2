package kr.gyeol.e2e;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import kr.gyeol.e2e.support.ExternalPostgres;
import kr.gyeol.e2e.support.GatewayProcess;

/**
 * The client against the gateway as operators run it: on an external PostgreSQL chosen by
 * {@code spring.datasource.*}.
 */
class ExternalPostgresClientE2EIT extends ClientE2ECases {

    private ExternalPostgres database;

    @Override
    GatewayProcess startGateway() throws Exception {
        this.database = ExternalPostgres.start();
        Files.createDirectories(GatewayProcess.work());
        List<String> arguments = new ArrayList<>(SETTINGS);
        arguments.addAll(this.database.gatewayArguments());
        // The vault's sandbox key lives in the data directory even on an external
        // database.
        arguments.add("--gyeol.data-dir=" + Files.createTempDirectory(GatewayProcess.work(), "data-"));
        return GatewayProcess.start("external-postgres", arguments);
    }

    @Override
    void stopDatabase() {
        if (this.database != null) {
            this.database.close();
        }
    }

}
