package kr.gyeol.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every pair of delivery states: a pending event is delivered, tried again or given up; a
 * replay puts any event back to pending.
 */
class WebhookStatusTest {

    private static final Map<WebhookStatus, Set<WebhookStatus>> LEGAL = Map.of(WebhookStatus.PENDING,
            Set.of(WebhookStatus.PENDING, WebhookStatus.DELIVERED, WebhookStatus.FAILED), WebhookStatus.DELIVERED,
            Set.of(WebhookStatus.PENDING), WebhookStatus.FAILED, Set.of(WebhookStatus.PENDING));

    @Test
    void allowsExactlyTheDrawnTransitions() {
        for (WebhookStatus from : WebhookStatus.values()) {
            for (WebhookStatus to : WebhookStatus.values()) {
                assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void namesBothStatesWhenRefusing() {
        assertThatThrownBy(() -> WebhookStatus.DELIVERED.requireCanBecome(WebhookStatus.FAILED))
            .hasMessageContaining("DELIVERED")
            .hasMessageContaining("FAILED");
    }

}
