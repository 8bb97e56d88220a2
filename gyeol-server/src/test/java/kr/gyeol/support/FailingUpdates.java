package kr.gyeol.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database failure on demand: while open, every UPDATE of one table fails inside
 * PostgreSQL, as a lost connection or a full disk would fail it. Inserts and reads go on,
 * so the first transaction of a charge or refund succeeds and the one recording the
 * network's answer fails.
 */
public final class FailingUpdates implements AutoCloseable {

    private final JdbcClient jdbc;

    private final String table;

    private FailingUpdates(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    public static FailingUpdates on(JdbcClient jdbc, String table) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION gyeol_test_failing_update() RETURNS trigger AS $$
                BEGIN
                    RAISE EXCEPTION 'simulated database failure';
                END $$ LANGUAGE plpgsql
                """).update();
        jdbc.sql("CREATE TRIGGER gyeol_test_failing_update BEFORE UPDATE ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION gyeol_test_failing_update()")
            .update();
        return new FailingUpdates(jdbc, table);
    }

    @Override
    public void close() {
        jdbc.sql("DROP TRIGGER IF EXISTS gyeol_test_failing_update ON " + table).update();
    }

}
