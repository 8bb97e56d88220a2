package kr.gyeol.subscription;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guarded transitions of a subscription, as docs/recurring-billing.md draws them. */
class SubscriptionStatusTest {

    @Test
    void canceledIsFinalAndEveryOtherStateCanBeCanceled() {
        assertThat(SubscriptionStatus.CANCELED.next()).isEmpty();
        for (SubscriptionStatus status : EnumSet.complementOf(EnumSet.of(SubscriptionStatus.CANCELED))) {
            assertThat(status.canBecome(SubscriptionStatus.CANCELED)).as(status.name()).isTrue();
        }
    }

    @Test
    void onlyRunningSubscriptionsArePausedAndAPausedOneResumesIntoItsTrialOrActive() {
        assertThat(EnumSet.allOf(SubscriptionStatus.class)
            .stream()
            .filter((status) -> status.canBecome(SubscriptionStatus.PAUSED)))
            .containsExactlyInAnyOrder(SubscriptionStatus.TRIALING, SubscriptionStatus.ACTIVE);
        assertThat(SubscriptionStatus.PAUSED.next()).containsExactlyInAnyOrder(SubscriptionStatus.TRIALING,
                SubscriptionStatus.ACTIVE, SubscriptionStatus.CANCELED);
    }

    @Test
    void nothingGoesBackIntoATrialExceptAResumedOne() {
        assertThat(EnumSet.allOf(SubscriptionStatus.class)
            .stream()
            .filter((status) -> status.canBecome(SubscriptionStatus.TRIALING)))
            .containsExactly(SubscriptionStatus.PAUSED);
    }

    @Test
    void anIllegalTransitionIsRefusedNamingBothStates() {
        assertThatThrownBy(() -> SubscriptionStatus.CANCELED.requireCanBecome(SubscriptionStatus.ACTIVE))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("CANCELED")
            .hasMessageContaining("ACTIVE");
        assertThatThrownBy(() -> SubscriptionStatus.PAST_DUE.requireCanBecome(SubscriptionStatus.PAUSED))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyTrialingActiveAndPastDueSubscriptionsAreScheduled() {
        assertThat(EnumSet.allOf(SubscriptionStatus.class).stream().filter(SubscriptionStatus::scheduled))
            .containsExactlyInAnyOrder(SubscriptionStatus.TRIALING, SubscriptionStatus.ACTIVE,
                    SubscriptionStatus.PAST_DUE);
    }

}
