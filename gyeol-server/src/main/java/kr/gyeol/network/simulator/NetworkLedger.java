package kr.gyeol.network.simulator;

import java.time.Clock;
import java.util.Optional;
import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.Outcome;
import kr.gyeol.shared.Money;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the simulated network was asked, and what it did: written before it answers, in a
 * table of its own on the gateway's database (durable, one for every node). Each write
 * commits on its own, outside any transaction of the gateway's, as a network's records
 * are not the gateway's to roll back.
 */
@Component
@ConditionalOnProperty(name = "gyeol.network.acquirer", havingValue = "simulator", matchIfMissing = true)
class NetworkLedger {

    enum Operation {

        CHARGE, CANCEL

    }

    private final JdbcClient jdbc;

    private final TransactionTemplate outsideTransactions;

    private final Clock clock;

    NetworkLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.outsideTransactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.clock = clock;
    }

    /**
     * Records what the network did with a request. A reference asked about twice is one
     * transaction: what was done the first time is returned, and nothing is done again.
     * @param done {@link Outcome.Unknown} for a request the network holds and never
     * answers
     */
    Outcome record(Operation operation, String reference, String original, Money amount, Outcome done) {
        Outcome.Declined declined = done instanceof Outcome.Declined d ? d : null;
        // Committed without waiting for its WAL flush: the gateway's own commit of the
        // outcome, which waits, comes later in the WAL and flushes this row with it. Only
        // an answer the gateway never recorded can lose its row in a crash, and then the
        // network has forgotten a request whose payment settles as not charged.
        int inserted = this.outsideTransactions.execute((status) -> this.jdbc.sql("""
                WITH asynchronous AS (SELECT set_config('synchronous_commit', 'off', true))
                INSERT INTO simulated_network_requests (reference, original, operation, outcome, approval_number,
                    decline_reason, decline_code, decline_message, amount, currency, asked_at)
                SELECT :reference, :original, :operation, :outcome, :approvalNumber, :declineReason, :declineCode,
                    :declineMessage, CAST(:amount AS BIGINT), :currency, CAST(:askedAt AS TIMESTAMPTZ)
                FROM asynchronous
                ON CONFLICT (reference) DO NOTHING
                """)
            .param("reference", reference)
            .param("original", original)
            .param("operation", operation.name())
            .param("outcome", switch (done) {
                case Outcome.Approved approved -> "APPROVED";
                case Outcome.Declined d -> "DECLINED";
                case Outcome.Unknown unknown -> "NEVER_ANSWERS";
            })
            .param("approvalNumber", done instanceof Outcome.Approved approved ? approved.approvalNumber() : null)
            .param("declineReason", declined == null ? null : declined.reason().name())
            .param("declineCode", declined == null ? null : declined.institutionCode())
            .param("declineMessage", declined == null ? null : declined.institutionMessage())
            .param("amount", amount.amount())
            .param("currency", amount.currency().getCurrencyCode())
            .param("askedAt", java.sql.Timestamp.from(this.clock.instant()))
            .update());
        return inserted == 1 ? done : find(reference).orElseThrow();
    }

    /** What the network did with a request, or empty if it was never asked. */
    Optional<Outcome> find(String reference) {
        return this.outsideTransactions.execute((status) -> this.jdbc.sql("""
                SELECT outcome, approval_number, decline_reason, decline_code, decline_message
                FROM simulated_network_requests WHERE reference = :reference
                """).param("reference", reference).query((row, n) -> switch (row.getString("outcome")) {
            case "APPROVED" -> (Outcome) new Outcome.Approved(row.getString("approval_number"));
            case "DECLINED" -> new Outcome.Declined(DeclineReason.valueOf(row.getString("decline_reason")),
                    row.getString("decline_code"), row.getString("decline_message"));
            default -> new Outcome.Unknown("the network still holds the request unanswered");
        }).optional());
    }

}
