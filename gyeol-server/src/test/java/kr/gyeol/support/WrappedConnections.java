package kr.gyeol.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The gateway's DataSource with every connection it hands out seen through a handler of
 * the test's ({@link CommitCounter}, {@link LostCommits}): a bean post-processor that
 * wraps it once.
 */
final class WrappedConnections {

    private WrappedConnections() {
    }

    /** Wraps every DataSource bean so that its connections go through {@code handler}. */
    static BeanPostProcessor wrapper(Function<Connection, InvocationHandler> handler) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? new Wrapped(dataSource, handler) : bean;
            }
        };
    }

    private static final class Wrapped extends DelegatingDataSource {

        private final Function<Connection, InvocationHandler> handler;

        Wrapped(DataSource target, Function<Connection, InvocationHandler> handler) {
            super(target);
            this.handler = handler;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(WrappedConnections.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, this.handler.apply(connection));
        }

    }

}
