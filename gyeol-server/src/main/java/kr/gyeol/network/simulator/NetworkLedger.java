package kr.gyeol.network.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.Outcome;
import kr.gyeol.shared.GroupedWrites;
import kr.gyeol.shared.Money;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
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

    /** At most this many requests in one statement. */
    private static final int BATCH = 128;

    enum Operation {

        CHARGE, CANCEL

    }

    private final JdbcClient jdbc;

    private final TransactionTemplate outsideTransactions;

    private final Clock clock;

    private final GroupedWrites<Request, Map<String, Request>> requests;

    NetworkLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.outsideTransactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.clock = clock;
        this.requests = new GroupedWrites<>(this::insert, BATCH);
    }

    /**
     * Records what the network did with a request. A reference asked about twice is one
     * transaction: what was done the first time is returned, and nothing is done again.
     * Requests recorded at the same moment share one statement and one commit.
     * @param done {@link Outcome.Unknown} for a request the network holds and never
     * answers
     */
    Outcome record(Operation operation, String reference, String original, Money amount, Outcome done) {
        Request request = new Request(operation, reference, original, amount, done, this.clock.instant());
        return this.requests.write(request).get(reference) == request ? done : find(reference).orElseThrow();
    }

    /**
     * Writes the requests in one statement; answers, for each reference written, the
     * request that wrote it (the first of a reference asked twice at once).
     */
    private Map<String, Request> insert(List<Request> requests) {
        Map<String, Request> first = new LinkedHashMap<>();
        requests.forEach((request) -> first.putIfAbsent(request.reference(), request));
        List<Request> rows = List.copyOf(first.values());
        // Committed without waiting for its WAL flush: the gateway's own commit of the
        // outcome, which waits, comes later in the WAL and flushes these rows with it.
        // Only an answer the gateway never recorded can lose its row in a crash, and
        // then the network has forgotten a request whose payment settles as not charged.
        List<String> written = this.outsideTransactions.execute((status) -> this.jdbc.sql("""
                WITH asynchronous AS (SELECT set_config('synchronous_commit', 'off', true))
                INSERT INTO simulated_network_requests (reference, original, operation, outcome, approval_number,
                    decline_reason, decline_code, decline_message, amount, currency, asked_at)
                SELECT r.* FROM asynchronous, unnest(CAST(:reference AS TEXT[]), CAST(:original AS TEXT[]),
                    CAST(:operation AS TEXT[]), CAST(:outcome AS TEXT[]), CAST(:approvalNumber AS TEXT[]),
                    CAST(:declineReason AS TEXT[]), CAST(:declineCode AS TEXT[]), CAST(:declineMessage AS TEXT[]),
                    CAST(:amount AS BIGINT[]), CAST(:currency AS TEXT[]), CAST(:askedAt AS TIMESTAMPTZ[]))
                    AS r (reference, original, operation, outcome, approval_number, decline_reason, decline_code,
                        decline_message, amount, currency, asked_at)
                ON CONFLICT (reference) DO NOTHING
                RETURNING reference
                """)
            .param("reference", texts(rows, Request::reference))
            .param("original", texts(rows, Request::original))
            .param("operation", texts(rows, (row) -> row.operation().name()))
            .param("outcome", texts(rows, (row) -> switch (row.done()) {
                case Outcome.Approved approved -> "APPROVED";
                case Outcome.Declined declined -> "DECLINED";
                case Outcome.Unknown unknown -> "NEVER_ANSWERS";
            }))
            .param("approvalNumber", texts(rows,
                    (row) -> row.done() instanceof Outcome.Approved approved ? approved.approvalNumber() : null))
            .param("declineReason",
                    texts(rows, (row) -> row.declined() == null ? null : row.declined().reason().name()))
            .param("declineCode",
                    texts(rows, (row) -> row.declined() == null ? null : row.declined().institutionCode()))
            .param("declineMessage",
                    texts(rows, (row) -> row.declined() == null ? null : row.declined().institutionMessage()))
            .param("amount", new SqlArrayValue("int8", rows.stream().map((row) -> row.amount().amount()).toArray()))
            .param("currency", texts(rows, (row) -> row.amount().currency().getCurrencyCode()))
            .param("askedAt", texts(rows, (row) -> row.askedAt().toString()))
            .query(String.class)
            .list());
        Map<String, Request> writers = new HashMap<>();
        written.forEach((reference) -> writers.put(reference, first.get(reference)));
        return writers;
    }

    private static SqlArrayValue texts(List<Request> rows, Function<Request, String> column) {
        return new SqlArrayValue("text", rows.stream().map(column).toArray());
    }

    /** One request to the network and what the network did with it. */
    private record Request(Operation operation, String reference, String original, Money amount, Outcome done,
            Instant askedAt) {

        Outcome.Declined declined() {
            return this.done instanceof Outcome.Declined declined ? declined : null;
        }

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
