package kr.gyeol.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gyeol.support.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * A schema of its own on the test database for a migration test: migrated up to a
 * version, filled as that release left it, then migrated the rest of the way.
 */
final class MigrationSchema implements AutoCloseable {

    private final String schema;

    private final TestDatabase.Connection database = TestDatabase.get();

    MigrationSchema(String prefix) {
        this.schema = prefix + "_" + System.nanoTime() % 1_000_000;
    }

    /** Migrates up to and including {@code target}, or all the way when null. */
    void migrate(String target) {
        var configuration = Flyway.configure()
            .dataSource(this.database.url(), this.database.username(), this.database.password())
            .schemas(this.schema)
            .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    /** Runs {@code sql} (one or more statements) in the schema. */
    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + this.schema);
            statement.execute(sql);
        }
    }

    /** The first row {@code sql} selects in the schema, column label to text. */
    Map<String, String> row(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + this.schema);
            try (ResultSet result = statement.executeQuery(sql.replace("${schema}", this.schema))) {
                assertThat(result.next()).as(sql).isTrue();
                Map<String, String> row = new LinkedHashMap<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    row.put(result.getMetaData().getColumnLabel(column), result.getString(column));
                }
                return row;
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(this.database.url(), this.database.username(), this.database.password());
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
        }
    }

}
