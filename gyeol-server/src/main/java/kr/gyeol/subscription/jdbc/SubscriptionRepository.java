package kr.gyeol.subscription.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.PlanId;
import kr.gyeol.shared.SubscriptionId;
import kr.gyeol.subscription.Subscription;
import kr.gyeol.subscription.SubscriptionStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code subscriptions}, and the renewal job's claims on them. */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS = "id, partner_id, plan_id, billing_key_id, clock_id, status, goods,"
            + " anchor_at, anchor_period, period_number, period_start, period_end, trial_end, trial_ending_sent,"
            + " cancel_at_period_end, balance, canceled_at, paused_at, next_action_at, created_at";

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a subscription; false when its billing key already backs a live one. */
    public boolean insert(Subscription s) {
        try {
            this.jdbc.sql("INSERT INTO subscriptions (" + COLUMNS + ") VALUES (:id, :partnerId, :planId, :keyId,"
                    + " :clockId, :status, :goods, :anchorAt, :anchorPeriod, :periodNumber, :periodStart, :periodEnd, :trialEnd,"
                    + " :trialEndingSent, :cancelAtPeriodEnd, :balance, :canceledAt, :pausedAt, :nextActionAt,"
                    + " :createdAt)")
                .paramSource(columns(s))
                .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /**
     * Writes what may change of a subscription. With a lease token, only while the
     * caller's lease holds (the renewal job); false when it no longer does.
     */
    public boolean update(Subscription s, String leaseToken) {
        return this.jdbc
            .sql("""
                    UPDATE subscriptions SET plan_id = :planId, status = :status, goods = :goods, anchor_at = :anchorAt, anchor_period = :anchorPeriod,
                           period_number = :periodNumber, period_start = :periodStart, period_end = :periodEnd,
                           trial_end = :trialEnd, trial_ending_sent = :trialEndingSent,
                           cancel_at_period_end = :cancelAtPeriodEnd, balance = :balance, canceled_at = :canceledAt,
                           paused_at = :pausedAt, next_action_at = :nextActionAt, billing_key_id = :keyId
                    WHERE id = :id AND (CAST(:token AS TEXT) IS NULL OR lease_token = :token)
                    """)
            .paramSource(columns(s).addValue("token", leaseToken))
            .update() == 1;
    }

    public Optional<Subscription> find(SubscriptionId id) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE id = :id")
            .param("id", id.value())
            .query(SubscriptionRepository::map)
            .optional();
    }

    /** A subscription and whether the renewal job holds it now. */
    public record Locked(Subscription subscription, boolean leased) {
    }

    /** Locks a subscription for a change by its partner, until the transaction ends. */
    public Optional<Locked> lock(SubscriptionId id, Instant now) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + ", (lease_until IS NOT NULL AND lease_until > :now) AS leased"
                    + " FROM subscriptions WHERE id = :id FOR UPDATE")
            .param("id", id.value())
            .param("now", Rows.utc(now))
            .query((row, n) -> new Locked(map(row, n), row.getBoolean("leased")))
            .optional();
    }

    public List<Subscription> ofPartner(PartnerId partnerId, SubscriptionStatus status, String clockId, int limit) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM subscriptions WHERE partner_id = :partnerId"
                    + " AND (CAST(:status AS TEXT) IS NULL OR status = :status)"
                    + " AND (CAST(:clockId AS TEXT) IS NULL OR clock_id = :clockId)"
                    + " ORDER BY created_at DESC, id LIMIT :limit")
            .param("partnerId", partnerId.value())
            .param("status", status == null ? null : status.name())
            .param("clockId", clockId)
            .param("limit", limit)
            .query(SubscriptionRepository::map)
            .list();
    }

    /**
     * Claims up to {@code limit} subscriptions whose next action is due (by their test
     * clock's time when they have one, else {@code now}) and that no other node holds:
     * taken with {@code FOR UPDATE SKIP LOCKED} and leased to {@code token} until
     * {@code leaseUntil}, so every node can run the job side by side.
     * @param clockId only the subscriptions of this clock, or null for all
     */
    public List<SubscriptionId> claimDue(Instant now, Instant leaseUntil, String token, int limit, String clockId) {
        return this.jdbc.sql("""
                UPDATE subscriptions SET lease_until = :leaseUntil, lease_token = :token WHERE id IN (
                    SELECT s.id FROM subscriptions s LEFT JOIN test_clocks c ON c.id = s.clock_id
                    WHERE s.next_action_at IS NOT NULL
                      AND s.next_action_at <= COALESCE(c.frozen_at, :now)
                      AND (s.lease_until IS NULL OR s.lease_until <= :now)
                      AND (CAST(:clockId AS TEXT) IS NULL OR s.clock_id = :clockId)
                      -- A partner removed from the configuration renews nothing until restored.
                      AND NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = s.partner_id AND p.disabled_at IS NOT NULL)
                    ORDER BY s.next_action_at
                    LIMIT :limit
                    FOR UPDATE OF s SKIP LOCKED)
                RETURNING id
                """)
            .param("now", Rows.utc(now))
            .param("leaseUntil", Rows.utc(leaseUntil))
            .param("token", token)
            .param("limit", limit)
            .param("clockId", clockId)
            .query((row, n) -> SubscriptionId.of(row.getString("id")))
            .list();
    }

    /** Claims one subscription if it is due and free, as {@link #claimDue} does. */
    public boolean claim(SubscriptionId id, Instant now, Instant leaseUntil, String token) {
        return this.jdbc
            .sql("""
                    UPDATE subscriptions s SET lease_until = :leaseUntil, lease_token = :token
                    WHERE s.id = :id AND s.next_action_at IS NOT NULL
                      AND s.next_action_at <= COALESCE((SELECT c.frozen_at FROM test_clocks c WHERE c.id = s.clock_id), :now)
                      AND (s.lease_until IS NULL OR s.lease_until <= :now)
                    """)
            .param("id", id.value())
            .param("now", Rows.utc(now))
            .param("leaseUntil", Rows.utc(leaseUntil))
            .param("token", token)
            .update() == 1;
    }

    /** Gives a claim back, so the subscription can be claimed again at once. */
    public void release(SubscriptionId id, String token) {
        this.jdbc
            .sql("UPDATE subscriptions SET lease_until = NULL, lease_token = NULL"
                    + " WHERE id = :id AND lease_token = :token")
            .param("id", id.value())
            .param("token", token)
            .update();
    }

    /** Holds a claim until {@code until} (e.g. while a payment's outcome is unknown). */
    public void holdUntil(SubscriptionId id, String token, Instant until) {
        this.jdbc.sql("UPDATE subscriptions SET lease_until = :until WHERE id = :id AND lease_token = :token")
            .param("id", id.value())
            .param("token", token)
            .param("until", Rows.utc(until))
            .update();
    }

    /** How many subscriptions of a clock are due at its time: claimed or not. */
    public int dueOnClock(String clockId) {
        return this.jdbc.sql("""
                SELECT count(*) FROM subscriptions s JOIN test_clocks c ON c.id = s.clock_id
                WHERE s.clock_id = :clockId AND s.next_action_at IS NOT NULL AND s.next_action_at <= c.frozen_at
                """).param("clockId", clockId).query(Integer.class).single();
    }

    private static MapSqlParameterSource columns(Subscription s) {
        return new MapSqlParameterSource().addValue("id", s.id().value())
            .addValue("partnerId", s.partnerId().value())
            .addValue("keyId", s.billingKeyId().value())
            .addValue("clockId", s.clockId())
            .addValue("createdAt", Rows.utc(s.createdAt()))
            .addValue("planId", s.planId().value())
            .addValue("status", s.status().name())
            .addValue("goods", s.goods())
            .addValue("anchorAt", Rows.utc(s.anchorAt()))
            .addValue("anchorPeriod", s.anchorPeriod())
            .addValue("periodNumber", s.periodNumber())
            .addValue("periodStart", Rows.utc(s.periodStart()))
            .addValue("periodEnd", Rows.utc(s.periodEnd()))
            .addValue("trialEnd", Rows.utc(s.trialEnd()))
            .addValue("trialEndingSent", s.trialEndingSent())
            .addValue("cancelAtPeriodEnd", s.cancelAtPeriodEnd())
            .addValue("balance", s.balance())
            .addValue("canceledAt", Rows.utc(s.canceledAt()))
            .addValue("pausedAt", Rows.utc(s.pausedAt()))
            .addValue("nextActionAt", Rows.utc(s.nextActionAt()));
    }

    private static Subscription map(ResultSet row, int rowNumber) throws SQLException {
        return new Subscription(SubscriptionId.of(row.getString("id")), PartnerId.of(row.getString("partner_id")),
                PlanId.of(row.getString("plan_id")), BillingKeyId.of(row.getString("billing_key_id")),
                row.getString("clock_id"), SubscriptionStatus.valueOf(row.getString("status")), row.getString("goods"),
                Rows.instant(row, "anchor_at"), row.getInt("anchor_period"), row.getInt("period_number"),
                Rows.instant(row, "period_start"), Rows.instant(row, "period_end"), Rows.instant(row, "trial_end"),
                row.getBoolean("trial_ending_sent"), row.getBoolean("cancel_at_period_end"), row.getLong("balance"),
                Rows.instant(row, "canceled_at"), Rows.instant(row, "paused_at"), Rows.instant(row, "next_action_at"),
                Rows.instant(row, "created_at"));
    }

}
