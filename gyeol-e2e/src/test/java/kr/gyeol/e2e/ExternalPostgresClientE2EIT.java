package kr.gyeol.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
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

    private Path dataDirectory;

    @Override
    GatewayProcess startGateway(int run) throws Exception {
        if (this.database == null) {
            this.database = ExternalPostgres.start();
            Files.createDirectories(GatewayProcess.work());
            // The vault's sandbox key lives in the data directory even on an external
            // database.
            this.dataDirectory = Files.createTempDirectory(GatewayProcess.work(), "data-");
        }
        List<String> arguments = new ArrayList<>(SETTINGS);
        arguments.addAll(this.database.gatewayArguments());
        arguments.add("--gyeol.data-dir=" + this.dataDirectory);
        return GatewayProcess.start("external-postgres-" + run, arguments);
    }

    @Override
    void stopDatabase() throws Exception {
        if (this.database != null) {
            this.database.close();
        }
        GatewayProcess.delete(this.dataDirectory);
    }

}
