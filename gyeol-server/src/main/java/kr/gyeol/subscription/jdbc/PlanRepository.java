package kr.gyeol.subscription.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import kr.gyeol.shared.Money;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.PlanId;
import kr.gyeol.subscription.BillingInterval;
import kr.gyeol.subscription.DunningPolicy;
import kr.gyeol.subscription.Plan;
import kr.gyeol.subscription.SubscriptionStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code plans} and of the partners' dunning settings ({@code billing_settings}).
 */
@Repository
public class PlanRepository {

    private static final String COLUMNS = "id, partner_id, name, amount, currency, interval_unit, interval_count,"
            + " trial_days, created_at";

    private final JdbcClient jdbc;

    public PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Plan plan) {
        this.jdbc
            .sql("INSERT INTO plans (" + COLUMNS + ") VALUES (:id, :partnerId, :name, :amount, :currency,"
                    + " :unit, :count, :trialDays, :createdAt)")
            .param("id", plan.id().value())
            .param("partnerId", plan.partnerId().value())
            .param("name", plan.name())
            .param("amount", plan.amount().amount())
            .param("currency", plan.amount().currency().getCurrencyCode())
            .param("unit", plan.interval().unit().name())
            .param("count", plan.interval().count())
            .param("trialDays", plan.trialDays())
            .param("createdAt", Rows.utc(plan.createdAt()))
            .update();
    }

    public Optional<Plan> find(PlanId id) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE id = :id")
            .param("id", id.value())
            .query(PlanRepository::map)
            .optional();
    }

    public List<Plan> ofPartner(PartnerId partnerId, int limit) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM plans WHERE partner_id = :partnerId ORDER BY created_at DESC, id"
                    + " LIMIT :limit")
            .param("partnerId", partnerId.value())
            .param("limit", limit)
            .query(PlanRepository::map)
            .list();
    }

    public Optional<DunningPolicy> dunning(PartnerId partnerId) {
        return this.jdbc.sql("SELECT retry_days, after_retries FROM billing_settings WHERE partner_id = :partnerId")
            .param("partnerId", partnerId.value())
            .query((row, n) -> new DunningPolicy(days(row.getString("retry_days")),
                    SubscriptionStatus.valueOf(row.getString("after_retries"))))
            .optional();
    }

    public void saveDunning(PartnerId partnerId, DunningPolicy policy) {
        this.jdbc.sql("""
                INSERT INTO billing_settings (partner_id, retry_days, after_retries) VALUES (:partnerId, :days, :after)
                ON CONFLICT (partner_id) DO UPDATE SET retry_days = EXCLUDED.retry_days,
                                                       after_retries = EXCLUDED.after_retries
                """)
            .param("partnerId", partnerId.value())
            .param("days", policy.retryDays().stream().map(String::valueOf).collect(Collectors.joining(",")))
            .param("after", policy.afterRetries().name())
            .update();
    }

    private static List<Integer> days(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }

    private static Plan map(ResultSet row, int rowNumber) throws SQLException {
        return new Plan(PlanId.of(row.getString("id")), PartnerId.of(row.getString("partner_id")),
                row.getString("name"),
                new Money(row.getLong("amount"), Currency.getInstance(row.getString("currency"))),
                new BillingInterval(BillingInterval.Unit.valueOf(row.getString("interval_unit")),
                        row.getInt("interval_count")),
                row.getInt("trial_days"), Rows.instant(row, "created_at"));
    }

}
