package kr.gyeol.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL the gateway runs itself when no {@code spring.datasource.url} is given
 * ({@code gyeol.embedded-database.*}); its data lives under
 * {@code <gyeol.data-dir>/postgres}.
 *
 * @param port its port on 127.0.0.1; 0 picks a free one at every start
 * @param poolSize the gateway's connections to it
 * @param restartBudget how long the gateway keeps restarting a server that died before it
 * gives up and reports the database down
 */
@ConfigurationProperties("gyeol.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("0") int port, @DefaultValue("32") int poolSize,
        @DefaultValue("60s") Duration restartBudget) {

}
