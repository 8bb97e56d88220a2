package kr.gyeol.e2e.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * A PostgreSQL server outside the gateway, for the gateway's production configuration
 * ({@code spring.datasource.*}): a fresh database on the machine's server when one
 * answers at 127.0.0.1:5432 (dropped on close), otherwise a PostgreSQL this test process
 * starts itself. Which one is used is printed.
 */
public final class ExternalPostgres implements AutoCloseable {

    private static final String SERVER = env("GYEOL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

    private final String url;

    private final String user;

    private final String password;

    private final Runnable cleanup;

    private ExternalPostgres(String url, String user, String password, Runnable cleanup) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.cleanup = cleanup;
    }

    public static ExternalPostgres start() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("user", env("GYEOL_TEST_PG_USER", "postgres"));
        properties.setProperty("password", env("GYEOL_TEST_PG_PASSWORD", ""));
        properties.setProperty("connectTimeout", "3");
        String database = "gyeol_e2e_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        try (Connection admin = DriverManager.getConnection(SERVER, properties);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            System.err.println("[gyeol-e2e] external database: the local PostgreSQL server, database " + database);
            return new ExternalPostgres(SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database,
                    properties.getProperty("user"), properties.getProperty("password"),
                    () -> drop(properties, database));
        }
        catch (SQLException e) {
            System.err.println("[gyeol-e2e] no PostgreSQL server at " + SERVER + " (" + e.getMessage()
                    + "); starting one for the test");
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("gyeol-e2e-pg"))
            .setCleanDataDirectory(true)
            .start();
        System.err
            .println("[gyeol-e2e] external database: a PostgreSQL started by the test on port " + embedded.getPort());
        return new ExternalPostgres(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", () -> {
            try {
                embedded.close();
            }
            catch (IOException ex) {
                System.err.println("[gyeol-e2e] could not stop the test's PostgreSQL: " + ex.getMessage());
            }
        });
    }

    /** A connection to the database, for tests that check what the gateways wrote. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(this.url, this.user, this.password);
    }

    /** The gateway's arguments that point it at this database. */
    public List<String> gatewayArguments() {
        return List.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user,
                "--spring.datasource.password=" + this.password);
    }

    @Override
    public void close() {
        this.cleanup.run();
    }

    private static void drop(Properties properties, String database) {
        try (Connection admin = DriverManager.getConnection(SERVER, properties);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        catch (SQLException e) {
            System.err.println("[gyeol-e2e] could not drop " + database + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
