package kr.gyeol.subscription.jdbc;

import kr.gyeol.shared.SubscriptionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kr.gyeol.subscription.SubscriptionEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code subscription_events}: a subscription's history, as its webhooks tell it.
 */
@Repository
public class SubscriptionEventRepository {

    private final JdbcClient jdbc;

    public SubscriptionEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SubscriptionEvent event) {
        this.jdbc.sql("""
                INSERT INTO subscription_events (id, subscription_id, partner_id, type, occurred_at, body)
                VALUES (:id, :subscriptionId, :partnerId, :type, :occurredAt, :body)
                """)
            .param("id", event.id())
            .param("subscriptionId", event.subscriptionId().value())
            .param("partnerId", event.partnerId())
            .param("type", event.type().name())
            .param("occurredAt", Rows.utc(event.occurredAt()))
            .param("body", event.body())
            .update();
    }

    public Optional<SubscriptionEvent> find(String id) {
        return this.jdbc
            .sql("SELECT id, subscription_id, partner_id, type, occurred_at, body"
                    + " FROM subscription_events WHERE id = :id")
            .param("id", id)
            .query((row, n) -> map(row))
            .optional();
    }

    public List<SubscriptionEvent> ofSubscription(SubscriptionId subscriptionId, int limit) {
        return this.jdbc
            .sql("SELECT id, subscription_id, partner_id, type, occurred_at, body"
                    + " FROM subscription_events WHERE subscription_id = :id ORDER BY seq LIMIT :limit")
            .param("id", subscriptionId.value())
            .param("limit", limit)
            .query((row, n) -> map(row))
            .list();
    }

    private static SubscriptionEvent map(java.sql.ResultSet row) throws java.sql.SQLException {
        Instant at = Rows.instant(row, "occurred_at");
        return new SubscriptionEvent(row.getString("id"), SubscriptionId.of(row.getString("subscription_id")),
                row.getString("partner_id"), kr.gyeol.shared.EventType.valueOf(row.getString("type")), at,
                row.getString("body"));
    }

}
