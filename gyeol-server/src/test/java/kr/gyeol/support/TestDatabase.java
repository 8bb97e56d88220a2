package kr.gyeol.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import kr.gyeol.database.EmbeddedDatabase;

/**
 * The database of a test run: a fresh database on the machine's PostgreSQL server when
 * one answers (created now, dropped when the JVM exits), otherwise an embedded PostgreSQL
 * in a temporary directory. Which one is used is printed, never silently skipped.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password) {
    }

    private static Connection connection;

    /** The local server's admin URL and sign-in, when the run uses one. */
    private static String serverUrl;

    private static Properties serverProperties;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = start();
        }
        return connection;
    }

    /**
     * A database of its own, for a test whose gateway must not share the run's: one
     * configured with other partners would disable the run's partners (a partner missing
     * from a gateway's configuration is disabled at its start). Dropped (or stopped) when
     * the JVM exits.
     */
    public static synchronized Connection separate(String purpose) {
        get();
        if (serverUrl != null) {
            String database = "gyeol_test_" + ProcessHandle.current().pid() + "_" + purpose;
            try (java.sql.Connection admin = DriverManager.getConnection(serverUrl, serverProperties);
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + database);
            }
            catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test database " + database, e);
            }
            String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
            String admin = serverUrl;
            Properties properties = serverProperties;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, properties, database)));
            return new Connection(url, serverProperties.getProperty("user"), serverProperties.getProperty("password"));
        }
        return embedded("gyeol-test-pg-" + purpose);
    }

    private static Connection start() {
        String serverUrl = env("GYEOL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("GYEOL_TEST_PG_USER", "postgres");
        String password = env("GYEOL_TEST_PG_PASSWORD", "");
        String database = "gyeol_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        try (java.sql.Connection admin = DriverManager.getConnection(serverUrl, properties);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
            System.err.println("[gyeol-tests] using the local PostgreSQL server, database " + database);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, properties, database)));
            TestDatabase.serverUrl = serverUrl;
            TestDatabase.serverProperties = properties;
            return new Connection(url, user, password);
        }
        catch (SQLException e) {
            System.err.println("[gyeol-tests] no PostgreSQL server at " + serverUrl + " (" + e.getMessage()
                    + "); starting an embedded one");
        }
        return embedded("gyeol-test-pg");
    }

    private static Connection embedded(String folder) {
        try {
            Path directory = TempDirectories.create(folder);
            EmbeddedDatabase embedded = EmbeddedDatabase.start(directory.resolve("postgres"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                }
                catch (Exception ignored) {
                    // The JVM is exiting; the temporary directory goes with the machine.
                }
            }));
            System.err.println("[gyeol-tests] using an embedded PostgreSQL on port " + embedded.port());
            return new Connection(embedded.jdbcUrl(), embedded.username(), embedded.password());
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException("Neither a local nor an embedded PostgreSQL is available", e);
        }
    }

    private static void drop(String serverUrl, Properties properties, String database) {
        try (java.sql.Connection admin = DriverManager.getConnection(serverUrl, properties);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        catch (SQLException e) {
            System.err.println("[gyeol-tests] could not drop " + database + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
