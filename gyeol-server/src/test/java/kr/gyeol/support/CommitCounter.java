package kr.gyeol.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import kr.gyeol.shared.LogContext;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the commits that wrote something, per request id ({@code X-Request-Id}): a
 * transaction that prepared a write and then committed, or a write prepared outside any
 * transaction (its own commit). The gateway's own DataSource is wrapped for every
 * {@link GatewayTest}; background work has no request id and is not counted, nor are the
 * simulated network's own writes.
 */
public final class CommitCounter {

    private static final ConcurrentMap<String, AtomicInteger> COMMITS = new ConcurrentHashMap<>();

    private static final Pattern WRITE = Pattern.compile(
            "^\\s*(INSERT|UPDATE|DELETE|MERGE)\\b|\\bFOR\\s+(UPDATE|SHARE)\\b|^\\s*WITH\\b.*\\b(INSERT|UPDATE|DELETE)\\b",
            Pattern.DOTALL);

    private CommitCounter() {
    }

    /** The writing commits made while answering the request with this id. */
    public static int commitsOf(String requestId) {
        AtomicInteger count = COMMITS.get(requestId);
        return count == null ? 0 : count.get();
    }

    /** Wraps the gateway's DataSource (registered by {@link GatewayTest}). */
    public static BeanPostProcessor wrapper() {
        return WrappedConnections.wrapper(Counting::new);
    }

    private static void count() {
        String requestId = MDC.get(LogContext.REQUEST_ID);
        if (requestId != null) {
            COMMITS.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static boolean isWrite(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        // The simulated network's ledger is the network's record, not the gateway's: a
        // real acquirer writes it on its own side.
        return WRITE.matcher(upper).find() && !upper.contains("SIMULATED_NETWORK_REQUESTS");
    }

    private static final class Counting implements InvocationHandler {

        private final Connection connection;

        private boolean wrote;

        Counting(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args[0] instanceof String sql
                    && isWrite(sql)) {
                if (this.connection.getAutoCommit()) {
                    count();
                }
                else {
                    this.wrote = true;
                }
            }
            Object result;
            try {
                result = method.invoke(this.connection, args);
            }
            catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (name.equals("commit") && this.wrote) {
                count();
            }
            if (name.equals("commit") || name.equals("rollback") || name.equals("close")) {
                this.wrote = false;
            }
            return result;
        }

    }

}
