package kr.gyeol.database;

import java.nio.file.Path;

import kr.gyeol.shared.GatewayProperties;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the gateway runs its own PostgreSQL under {@code
 * gyeol.data-dir}/postgres. Defining the DataSource here makes Spring Boot's own data
 * source configuration step aside; Flyway and JdbcClient use this one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** The exit code of a gateway whose embedded database died for good. */
    static final int EXIT_DATABASE_LOST = 70;

    /**
     * The embedded PostgreSQL: the one the gateway's {@code main} began to start while
     * the context was being built ({@link EarlyEmbeddedDatabase}), or one started now.
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(GatewayProperties gateway, EmbeddedDatabaseProperties properties) {
        Path directory = gateway.dataDir().resolve("postgres").toAbsolutePath();
        return EarlyEmbeddedDatabase.take(directory, properties.port())
            .orElseGet(() -> EmbeddedDatabase.start(directory, properties.port(), properties.restartBudget(),
                    EmbeddedDatabaseConfiguration::exitWithoutDatabase));
    }

    /**
     * A gateway without its database can only answer errors: it exits, so that a
     * supervisor (systemd, a container runtime) starts it afresh.
     */
    static void exitWithoutDatabase() {
        log.error("Exiting: the embedded PostgreSQL is gone and could not be restarted");
        Thread.ofPlatform().name("gyeol-exit").start(() -> System.exit(EXIT_DATABASE_LOST));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase database, EmbeddedDatabaseProperties properties) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(properties.poolSize());
        pool.setPoolName("gyeol-embedded");
        // Its waits are bounded by gyeol.database.* (DatabaseTimeouts), as an external
        // pool's are.
        return pool;
    }

    /** Up while the embedded server runs; down while it is being restarted or is lost. */
    @Bean
    HealthIndicator embeddedDatabaseHealthIndicator(EmbeddedDatabase database) {
        return () -> {
            Health.Builder health = database.state() == EmbeddedDatabase.State.RUNNING ? Health.up() : Health.down();
            return health.withDetail("state", database.state().name())
                .withDetail("port", database.port())
                .withDetails(database.effectiveSettings())
                .build();
        };
    }

}
