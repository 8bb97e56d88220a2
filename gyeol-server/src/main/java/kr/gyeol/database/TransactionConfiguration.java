package kr.gyeol.database;

import java.sql.SQLException;
import javax.sql.DataSource;
import kr.gyeol.shared.AmbiguousCommit;
import kr.gyeol.shared.CommitAttempts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The one transaction manager: Spring's JDBC one, which tells a commit that failed for
 * sure from one whose outcome is unknown. Defining it here makes Spring Boot's own step
 * aside.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new TruthfulTransactionManager(dataSource);
    }

    /**
     * A commit that fails is rolled back only when PostgreSQL said so (a serialization or
     * deadlock failure, a deferred constraint): every other failure, above all a
     * connection lost during the commit, may have left the transaction committed, and is
     * thrown as {@link AmbiguousCommit}.
     */
    static final class TruthfulTransactionManager extends JdbcTransactionManager {

        TruthfulTransactionManager(DataSource dataSource) {
            super(dataSource);
            // Spring logs every transaction at DEBUG under the manager's class
            // name: under its own, as before, not among Gyeol's loggers.
            this.logger = org.apache.commons.logging.LogFactory.getLog(JdbcTransactionManager.class);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (!status.isReadOnly()) {
                CommitAttempts.mark();
            }
            try {
                super.doCommit(status);
            }
            catch (RuntimeException e) {
                if (refusedByServer(e)) {
                    throw e;
                }
                throw new AmbiguousCommit(e);
            }
        }

        /**
         * PostgreSQL answered the commit with an error of class 40 (transaction rollback)
         * or 23 (integrity constraint): it did not commit.
         */
        static boolean refusedByServer(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("40") || sql.getSQLState().startsWith("23"))) {
                    return true;
                }
            }
            return false;
        }

    }

}
