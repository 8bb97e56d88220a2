package kr.gyeol.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kr.gyeol.support.TempDirectories;
import org.junit.jupiter.api.Test;

/**
 * The embedded server as the gateway starts it: durable, password-protected, logged into
 * as a role that is no superuser, converted from an earlier release's trust
 * authentication with its data, and restarted by its supervisor after a SIGKILL, or given
 * up on (the fatal callback) when it cannot come back.
 */
class EmbeddedDatabaseIT {

    private static Connection connect(EmbeddedDatabase database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    private static String one(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void startsDurableWithPasswordsAndANonSuperuserOwner() throws Exception {
        Path directory = TempDirectories.create("gyeol-embedded").resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            assertThat(database.effectiveSettings()).containsEntry("fsync", "on")
                .containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on");
            Path credentials = directory.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                .isEqualTo("rw-------");
            assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(PosixFilePermissions
                .toString(Files.getPosixFilePermissions(directory.resolveSibling(directory.getFileName() + ".log"))))
                .as("the server's log names users and statements")
                .isEqualTo("rw-------");
            assertThat(database.username()).isEqualTo("gyeol");

            assertThatThrownBy(() -> connect(database, "postgres", null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(database, "gyeol", null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(database, "gyeol", "wrong").close()).isInstanceOf(SQLException.class);
            try (Connection connection = connect(database, database.username(), database.password())) {
                assertThat(one(connection, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false");
                assertThat(one(connection, "SHOW synchronous_commit")).isEqualTo("on");
                assertThatThrownBy(() -> one(connection, "COPY (SELECT 1) TO PROGRAM 'true'"))
                    .hasMessageContaining("permission denied");
                try (Statement statement = connection.createStatement()) {
                    // The owner may create its schema's tables, which Flyway needs.
                    statement.execute("CREATE TABLE owned (id int)");
                }
            }
        }
    }

    @Test
    void convertsADirectoryOfAnEarlierReleaseThatTrustedEveryLocalUser() throws Exception {
        Path directory = TempDirectories.create("gyeol-legacy").resolve("postgres");
        // What the earlier release did: the zonky launcher with trust authentication,
        // the gateway's tables owned by the superuser.
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            .start()) {
            try (Connection admin = legacy.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE gyeol");
            }
            try (Connection gyeol = legacy.getDatabase("postgres", "gyeol").getConnection();
                    Statement statement = gyeol.createStatement()) {
                statement.execute("CREATE TABLE payments (id bigserial PRIMARY KEY, order_id text)");
                statement.execute("INSERT INTO payments (order_id) VALUES ('kept-across-the-upgrade')");
            }
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            assertThatThrownBy(() -> connect(database, "postgres", null).close()).isInstanceOf(SQLException.class);
            try (Connection connection = connect(database, database.username(), database.password())) {
                assertThat(one(connection, "SELECT order_id FROM payments")).isEqualTo("kept-across-the-upgrade");
                assertThat(one(connection, "SELECT tableowner FROM pg_tables WHERE tablename = 'payments'"))
                    .isEqualTo("gyeol");
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO payments (order_id) VALUES ('after')");
                }
            }
        }
        // And the next start reads the passwords it saved.
        try (EmbeddedDatabase again = EmbeddedDatabase.start(directory, 0);
                Connection connection = connect(again, again.username(), again.password())) {
            assertThat(one(connection, "SELECT count(*) FROM payments")).isEqualTo("2");
        }
    }

    @Test
    void restartsAKilledServerWithItsCommittedData() throws Exception {
        Path directory = TempDirectories.create("gyeol-supervised").resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            try (Connection connection = connect(database, database.username(), database.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE answered (id int)");
                statement.execute("INSERT INTO answered VALUES (1)");
            }
            long first = database.pid();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            await("restarted").atMost(Duration.ofSeconds(60))
                .until(() -> database.pid() != first && database.state() == EmbeddedDatabase.State.RUNNING);
            try (Connection connection = connect(database, database.username(), database.password())) {
                assertThat(one(connection, "SELECT count(*) FROM answered")).isEqualTo("1");
            }
        }
    }

    @Test
    void givesUpAndSaysSoWhenTheServerCannotComeBack() throws Exception {
        Path directory = TempDirectories.create("gyeol-lost").resolve("postgres");
        CountDownLatch fatal = new CountDownLatch(1);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0, Duration.ofSeconds(2),
                fatal::countDown)) {
            // The running server has read its configuration; without it no new one
            // starts.
            Files.move(directory.resolve("postgresql.conf"), directory.resolve("postgresql.conf.away"));
            ProcessHandle.of(database.pid()).orElseThrow().destroyForcibly();
            assertThat(fatal.await(30, TimeUnit.SECONDS)).as("the fatal callback ran").isTrue();
            assertThat(database.state()).isEqualTo(EmbeddedDatabase.State.FAILED);
        }
    }

}
