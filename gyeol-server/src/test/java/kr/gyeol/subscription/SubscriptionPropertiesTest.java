package kr.gyeol.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The dunning default binds as the list it reads, and a configured one replaces it. */
class SubscriptionPropertiesTest {

    @Test
    void theDefaultRetryDaysAreOneThreeFiveAndSeven() {
        SubscriptionProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("gyeol.subscriptions", SubscriptionProperties.class);
        assertThat(defaults.retryDays()).containsExactly(1, 3, 5, 7);
        SubscriptionProperties configured = new Binder(
                new MapConfigurationPropertySource(Map.of("gyeol.subscriptions.retry-days", "2,4")))
            .bindOrCreate("gyeol.subscriptions", SubscriptionProperties.class);
        assertThat(configured.retryDays()).isEqualTo(List.of(2, 4));
    }

}
