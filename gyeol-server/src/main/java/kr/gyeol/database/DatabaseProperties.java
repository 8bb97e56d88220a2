package kr.gyeol.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every wait on the database, bounded ({@code gyeol.database.*}), for the embedded server
 * and an external one alike: a frozen or unreachable database makes an answer slow by at
 * most these, never a hang.
 *
 * @param poolWait how long a request waits for a pooled connection
 * @param connectTimeout how long opening a connection (TCP and sign-in) may take
 * @param socketTimeout how long the driver waits for any answer of the server: what
 * bounds a request when the server stops answering mid-statement or mid-commit
 * @param statementTimeout PostgreSQL's {@code statement_timeout} for the gateway's
 * statements (migrations run without it)
 * @param lockTimeout PostgreSQL's {@code lock_timeout}: how long a statement waits for a
 * row or table lock
 * @param healthTimeout how long the readiness probe's database check may take before it
 * reports the database down
 */
@ConfigurationProperties("gyeol.database")
public record DatabaseProperties(@DefaultValue("3s") Duration poolWait, @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("5s") Duration socketTimeout, @DefaultValue("5s") Duration statementTimeout,
        @DefaultValue("3s") Duration lockTimeout, @DefaultValue("2s") Duration healthTimeout) {

}
