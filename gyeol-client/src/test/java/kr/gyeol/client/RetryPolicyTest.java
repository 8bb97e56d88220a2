package kr.gyeol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry waits: exponential, capped, and jittered between half and all. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(3));

    @Test
    void waitsDoubleFromTheInitialDelayUpToTheCap() {
        assertThat(this.policy.delay(1, 0.999999)).isEqualTo(Duration.ofMillis(499));
        assertThat(this.policy.delay(2, 0.999999)).isEqualTo(Duration.ofMillis(999));
        assertThat(this.policy.delay(3, 0.999999)).isEqualTo(Duration.ofMillis(1999));
        assertThat(this.policy.delay(4, 0.999999)).isEqualTo(Duration.ofMillis(2999));
        assertThat(this.policy.delay(40, 0.999999)).isEqualTo(Duration.ofMillis(2999));
    }

    @Test
    void jitterKeepsAtLeastHalfOfTheWait() {
        assertThat(this.policy.delay(1, 0)).isEqualTo(Duration.ofMillis(250));
        assertThat(this.policy.delay(3, 0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(this.policy.delay(3, 0.5)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> this.policy.delay(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryPolicy.NONE.delay(1, 0.7)).isEqualTo(Duration.ZERO);
    }

}
