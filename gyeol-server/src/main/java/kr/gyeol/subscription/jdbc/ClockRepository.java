package kr.gyeol.subscription.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.subscription.TestClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code test_clocks}. */
@Repository
public class ClockRepository {

    private final JdbcClient jdbc;

    public ClockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(TestClock clock) {
        this.jdbc
            .sql("INSERT INTO test_clocks (id, partner_id, name, frozen_at, created_at)"
                    + " VALUES (:id, :partnerId, :name, :frozenAt, :createdAt)")
            .param("id", clock.id())
            .param("partnerId", clock.partnerId().value())
            .param("name", clock.name())
            .param("frozenAt", Rows.utc(clock.frozenAt()))
            .param("createdAt", Rows.utc(clock.createdAt()))
            .update();
    }

    public Optional<TestClock> find(String id) {
        return this.jdbc.sql("SELECT id, partner_id, name, frozen_at, created_at FROM test_clocks WHERE id = :id")
            .param("id", id)
            .query(ClockRepository::map)
            .optional();
    }

    public List<TestClock> ofPartner(PartnerId partnerId, int limit) {
        return this.jdbc
            .sql("SELECT id, partner_id, name, frozen_at, created_at FROM test_clocks WHERE partner_id = :partnerId"
                    + " ORDER BY created_at DESC, id LIMIT :limit")
            .param("partnerId", partnerId.value())
            .param("limit", limit)
            .query(ClockRepository::map)
            .list();
    }

    /**
     * Moves a clock forward to {@code to}, never back: two nodes advancing one clock at
     * once end at the later time.
     */
    public void advance(String id, Instant to) {
        this.jdbc.sql("UPDATE test_clocks SET frozen_at = GREATEST(frozen_at, :to) WHERE id = :id")
            .param("to", Rows.utc(to))
            .param("id", id)
            .update();
    }

    private static TestClock map(ResultSet row, int rowNumber) throws SQLException {
        return new TestClock(row.getString("id"), PartnerId.of(row.getString("partner_id")), row.getString("name"),
                Rows.instant(row, "frozen_at"), Rows.instant(row, "created_at"));
    }

}
