package kr.gyeol.partner;

import java.time.Duration;

import kr.gyeol.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lockout's counting: per partner id and address, within the window. */
class CredentialFailuresTest {

    private final MutableClock clock = new MutableClock();

    private final CredentialFailures failures = new CredentialFailures(this.clock, new AuthProperties(3,
            Duration.ofMinutes(5), 100, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(30)));

    @Test
    void theLimitWithinTheWindowLocksThePairOutUntilTheOldestAgesOut() {
        this.failures.failed("test", "10.0.0.1");
        this.clock.advance(Duration.ofMinutes(2));
        this.failures.failed("test", "10.0.0.1");
        assertThat(this.failures.lockedOut("test", "10.0.0.1")).isFalse();
        this.failures.failed("test", "10.0.0.1");
        assertThat(this.failures.lockedOut("test", "10.0.0.1")).isTrue();
        assertThat(this.failures.lockedOut("test", "10.0.0.2")).isFalse();
        assertThat(this.failures.lockedOut("other", "10.0.0.1")).isFalse();
        this.clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(this.failures.lockedOut("test", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessForgetsThePairsFailures() {
        this.failures.failed("test", "10.0.0.1");
        this.failures.failed("test", "10.0.0.1");
        this.failures.succeeded("test", "10.0.0.1");
        this.failures.failed("test", "10.0.0.1");
        assertThat(this.failures.lockedOut("test", "10.0.0.1")).isFalse();
    }

}
