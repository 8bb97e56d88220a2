package kr.gyeol.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A connection lost during a commit, on demand: the next commit of a transaction that
 * inserted into a given table fails as pgjdbc reports a connection that died under it
 * ({@code 08006}), either after PostgreSQL committed (the answer was lost on the way
 * back) or before (the commit never arrived). The driver cannot tell the two apart, and
 * neither can the gateway: that is the ambiguous commit.
 */
public final class LostCommits {

    /** Whether the database committed before the connection was lost. */
    public enum Loss {

        AFTER_COMMIT, BEFORE_COMMIT

    }

    private record Armed(String insertInto, Loss loss) {
    }

    private static final AtomicReference<Armed> ARMED = new AtomicReference<>();

    private LostCommits() {
    }

    /**
     * Loses the next commit of a transaction that inserted into {@code table}; closing
     * disarms it if no such commit came.
     */
    public static AutoCloseable next(String table, Loss loss) {
        Armed armed = new Armed("INSERT INTO " + table.toUpperCase(Locale.ROOT) + " ", loss);
        ARMED.set(armed);
        return () -> ARMED.compareAndSet(armed, null);
    }

    /** Wraps the gateway's DataSource (registered by {@link GatewayTest}). */
    public static BeanPostProcessor wrapper() {
        return WrappedConnections.wrapper(Losing::new);
    }

    private static final class Losing implements InvocationHandler {

        private final Connection connection;

        private Armed inserted;

        Losing(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Armed armed = ARMED.get();
            if (armed != null && name.equals("prepareStatement") && args[0] instanceof String sql
                    && sql.strip().toUpperCase(Locale.ROOT).startsWith(armed.insertInto())) {
                this.inserted = armed;
            }
            if (name.equals("commit") && this.inserted != null && ARMED.compareAndSet(this.inserted, null)) {
                Loss loss = this.inserted.loss();
                this.inserted = null;
                if (loss == Loss.AFTER_COMMIT) {
                    this.connection.commit();
                }
                else {
                    this.connection.rollback();
                }
                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
            }
            if (name.equals("commit") || name.equals("rollback") || name.equals("close")) {
                this.inserted = null;
            }
            try {
                return method.invoke(this.connection, args);
            }
            catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

    }

}
