package kr.gyeol.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every pair of window states: a window is claimed once, then completed; or closed
 * unused.
 */
class WindowStatusTest {

    private static final Map<WindowStatus, Set<WindowStatus>> LEGAL = Map.of(WindowStatus.OPEN,
            Set.of(WindowStatus.PROCESSING, WindowStatus.CLOSED), WindowStatus.PROCESSING,
            Set.of(WindowStatus.COMPLETED), WindowStatus.COMPLETED, Set.of(), WindowStatus.CLOSED, Set.of());

    @Test
    void allowsExactlyTheDrawnTransitions() {
        for (WindowStatus from : WindowStatus.values()) {
            for (WindowStatus to : WindowStatus.values()) {
                assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void aSecondClaimIsRefused() {
        assertThatThrownBy(() -> WindowStatus.PROCESSING.requireCanBecome(WindowStatus.PROCESSING))
            .hasMessageContaining("PROCESSING");
    }

}
