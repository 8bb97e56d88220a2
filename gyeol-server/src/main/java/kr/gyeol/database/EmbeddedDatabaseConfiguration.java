package kr.gyeol.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${gyeol.data-dir}") Path dataDirectory,
            @Value("${gyeol.embedded-database.port:0}") int port) {
        return EmbeddedDatabase.start(dataDirectory.resolve("postgres").toAbsolutePath(), port);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase database, @Value("${gyeol.embedded-database.pool-size:32}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("gyeol-embedded");
        return new HikariDataSource(config);
    }

}
