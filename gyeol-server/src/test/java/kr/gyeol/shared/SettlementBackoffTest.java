package kr.gyeol.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettlementBackoffTest {

    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    private final SettlementBackoff backoff = new SettlementBackoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 6);

    @Test
    void eachTryWaitsTwiceAsLongUpToTheLongestWait() {
        assertThat(this.backoff.nextTry(1, NOW)).contains(NOW.plusSeconds(30));
        assertThat(this.backoff.nextTry(2, NOW)).contains(NOW.plusSeconds(60));
        assertThat(this.backoff.nextTry(3, NOW)).contains(NOW.plusSeconds(120));
        assertThat(this.backoff.nextTry(5, NOW)).contains(NOW.plus(Duration.ofMinutes(8)));
    }

    @Test
    void afterTheLastTryNothingIsScheduled() {
        assertThat(this.backoff.nextTry(6, NOW)).isEmpty();
        assertThat(this.backoff.nextTry(60, NOW)).isEmpty();
    }

    @Test
    void manyTriesNeverOverflowTheWait() {
        SettlementBackoff patient = new SettlementBackoff(Duration.ofSeconds(30), Duration.ofHours(1), 1_000);
        assertThat(patient.nextTry(999, NOW)).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void nonsenseSettingsAreRefusedAtStart() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SettlementBackoff(Duration.ofMinutes(5), Duration.ofMinutes(1), 3));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SettlementBackoff(Duration.ofSeconds(30), Duration.ofMinutes(1), 0));
    }

}
