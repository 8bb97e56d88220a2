package kr.gyeol.network.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.NetworkCall;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.PartnerId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The simulated network's faults, armed by a test for its own partner: the next N charges
 * of one billing key (or of any) end as armed. A charge takes the oldest fault armed for
 * its key, else the oldest armed for any key, one use each, under the row's lock. A fault
 * armed through this node holds for the next charge here; through another node, from its
 * next refresh (a second) on.
 */
@Repository
public class Faults {

    /** How an armed charge ends. */
    public enum Outcome {

        /** Approved, whatever the card. */
        APPROVE,
        /** Declined with the armed reason. */
        DECLINE,
        /**
         * Approved by the network, its answer lost: UNKNOWN until settled, then APPROVED.
         */
        TIMEOUT_THEN_APPROVE,
        /**
         * Declined by the network, its answer lost: UNKNOWN until settled, then DECLINED.
         */
        TIMEOUT_THEN_DECLINE,
        /** Never answered, nor recorded: UNKNOWN, and the network never learns of it. */
        NEVER_ANSWER

    }

    /**
     * One armed fault.
     *
     * @param billingKeyId the key it is for, or null for any of the partner's charges
     * @param declineReason why a DECLINE or TIMEOUT_THEN_DECLINE declines
     * @param remaining how many charges it still takes
     */
    public record Fault(long id, PartnerId partnerId, BillingKeyId billingKeyId, Outcome outcome,
            DeclineReason declineReason, int armed, int remaining, Instant armedAt) {
    }

    /**
     * How long a fault armed on this node counts as armed here whatever a refresh read.
     */
    private static final Duration LOCALLY_ARMED = Duration.ofSeconds(10);

    private final JdbcClient jdbc;

    private final Clock clock;

    /**
     * The partners with a fault armed, as last read (every second) or armed on this node:
     * a charge of any other partner asks the database nothing, so charges pay for faults
     * only while some are armed.
     */
    private volatile Set<String> armedPartners = Set.of();

    private final Map<String, Long> armedHere = new ConcurrentHashMap<>();

    Faults(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Reads which partners have faults armed, so a fault armed through another node is
     * looked for here within a second.
     */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void refresh() {
        Set<String> armed = new HashSet<>(
                this.jdbc.sql("SELECT DISTINCT partner_id FROM test_faults WHERE remaining > 0")
                    .query(String.class)
                    .list());
        long recent = System.nanoTime() - LOCALLY_ARMED.toNanos();
        this.armedHere.entrySet().removeIf((entry) -> entry.getValue() < recent);
        armed.addAll(this.armedHere.keySet());
        this.armedPartners = Set.copyOf(armed);
    }

    private void armedHere(PartnerId partnerId) {
        this.armedHere.put(partnerId.value(), System.nanoTime());
        Set<String> armed = new HashSet<>(this.armedPartners);
        armed.add(partnerId.value());
        this.armedPartners = Set.copyOf(armed);
    }

    /** Arms a fault for the partner's next {@code count} charges (of one key, or any). */
    public Fault arm(PartnerId partnerId, BillingKeyId billingKeyId, Outcome outcome, DeclineReason declineReason,
            int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A fault takes one charge or more");
        }
        Instant now = this.clock.instant();
        long id = this.jdbc.sql("""
                INSERT INTO test_faults (partner_id, operation, billing_key_id, outcome, decline_reason, armed,
                                         remaining, armed_at)
                VALUES (:partnerId, 'CHARGE', :billingKeyId, :outcome, :reason, :count, :count, :now)
                RETURNING id
                """)
            .param("partnerId", partnerId.value())
            .param("billingKeyId", BillingKeyId.valueOf(billingKeyId))
            .param("outcome", outcome.name())
            .param("reason", declineReason == null ? null : declineReason.name())
            .param("count", count)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .query(Long.class)
            .single();
        armedHere(partnerId);
        return new Fault(id, partnerId, billingKeyId, outcome, declineReason, count, count, now);
    }

    /** The partner's faults still armed, oldest first. */
    public List<Fault> armed(PartnerId partnerId) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM test_faults WHERE partner_id = :partnerId AND remaining > 0 ORDER BY id")
            .param("partnerId", partnerId.value())
            .query((row, n) -> fault(row))
            .list();
    }

    /** Disarms every fault of the partner; how many were armed. */
    public int disarm(PartnerId partnerId) {
        return this.jdbc.sql("UPDATE test_faults SET remaining = 0 WHERE partner_id = :partnerId AND remaining > 0")
            .param("partnerId", partnerId.value())
            .update();
    }

    /**
     * Takes one use of the fault armed for this charge, if any: the partner's oldest for
     * its key, else its oldest for any key.
     */
    Optional<Fault> takeFor(NetworkCall call) {
        if (call == null || !this.armedPartners.contains(call.partnerId().value())) {
            return Optional.empty();
        }
        return this.jdbc.sql("UPDATE test_faults SET remaining = remaining - 1 WHERE id = ("
                + " SELECT id FROM test_faults WHERE partner_id = :partnerId AND operation = 'CHARGE' AND remaining > 0"
                + " AND (billing_key_id = :billingKeyId OR billing_key_id IS NULL)"
                + " ORDER BY billing_key_id IS NULL, id LIMIT 1 FOR UPDATE) RETURNING " + COLUMNS)
            .param("partnerId", call.partnerId().value())
            .param("billingKeyId", BillingKeyId.valueOf(call.billingKeyId()))
            .query((row, n) -> fault(row))
            .optional();
    }

    private static final String COLUMNS = "id, partner_id, billing_key_id, outcome, decline_reason, armed, remaining,"
            + " armed_at";

    private static Fault fault(java.sql.ResultSet row) throws java.sql.SQLException {
        String reason = row.getString("decline_reason");
        return new Fault(row.getLong("id"), PartnerId.of(row.getString("partner_id")),
                BillingKeyId.ofNullable(row.getString("billing_key_id")), Outcome.valueOf(row.getString("outcome")),
                reason == null ? null : DeclineReason.valueOf(reason), row.getInt("armed"), row.getInt("remaining"),
                row.getTimestamp("armed_at").toInstant());
    }

}
