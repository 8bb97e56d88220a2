package kr.gyeol.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link DatabaseProperties} on the gateway's connection pool, whichever it is (the
 * embedded server's or Spring Boot's for an external one), and checks the database for
 * the readiness probe within a bound of its own.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

    /** Applies the bounds to a Hikari pool before its first connection. */
    static void apply(HikariDataSource pool, DatabaseProperties bounds) {
        pool.setConnectionTimeout(bounds.poolWait().toMillis());
        // Hikari wants the validation bound below the pool wait, and at least 250 ms.
        pool.setValidationTimeout(Math.max(250, Math.min(bounds.poolWait().toMillis() / 2, 1_000)));
        pool.addDataSourceProperty("connectTimeout", seconds(bounds.connectTimeout()));
        pool.addDataSourceProperty("loginTimeout", seconds(bounds.connectTimeout()));
        pool.addDataSourceProperty("socketTimeout", seconds(bounds.socketTimeout()));
        pool.addDataSourceProperty("options", "-c statement_timeout=" + bounds.statementTimeout().toMillis()
                + " -c lock_timeout=" + bounds.lockTimeout().toMillis());
    }

    /** pgjdbc counts these in whole seconds; 0 would mean no bound at all. */
    private static String seconds(java.time.Duration duration) {
        return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
    }

    @Bean
    static BeanPostProcessor databaseTimeoutsOnPools(ObjectProvider<DatabaseProperties> bounds) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                // Before any wrapper (the tests' commit counters) hides the pool; Spring
                // Boot's spring.datasource.hikari.* binding has run by then.
                if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
                    apply(pool, bounds.getObject());
                }
                return bean;
            }
        };
    }

    /**
     * Migrations run on connections of their own, without the statement and socket
     * bounds: an index built over a large table may take minutes.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsWithoutRequestBounds() {
        return (configuration) -> {
            if (configuration.getDataSource() instanceof HikariDataSource pool) {
                configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            }
        };
    }

    /**
     * The readiness probe's database check: a query on a pooled connection, given up
     * after {@code gyeol.database.health-timeout}, so a frozen database reports DOWN in
     * time instead of holding the probe until the driver's own bounds run out.
     */
    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource, DatabaseProperties bounds) {
        Executor checks = Executors.newVirtualThreadPerTaskExecutor();
        return () -> {
            CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
                try (Connection connection = dataSource.getConnection();
                        Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT 1")) {
                    return row.next();
                }
                catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e.getClass().getSimpleName() + " (" + e.getSQLState() + ")");
                }
            }, checks);
            try {
                return check.get(bounds.healthTimeout().toMillis(), TimeUnit.MILLISECONDS) ? Health.up().build()
                        : Health.down().build();
            }
            catch (TimeoutException e) {
                check.cancel(true);
                return Health.down().withDetail("error", "no answer within " + bounds.healthTimeout()).build();
            }
            catch (ExecutionException e) {
                return Health.down().withDetail("error", e.getCause().getMessage()).build();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().build();
            }
        };
    }

}
