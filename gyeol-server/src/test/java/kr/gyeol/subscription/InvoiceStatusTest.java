package kr.gyeol.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import kr.gyeol.subscription.Invoice.Status;
import org.junit.jupiter.api.Test;

/** Every pair of invoice states, legal and illegal. */
class InvoiceStatusTest {

    private static final Map<Status, Set<Status>> LEGAL = Map.of(Status.OPEN,
            Set.of(Status.OPEN, Status.PAID, Status.UNCOLLECTIBLE, Status.VOID), Status.UNCOLLECTIBLE,
            Set.of(Status.OPEN), Status.PAID, Set.of(), Status.VOID, Set.of());

    @Test
    void allowsExactlyTheDrawnTransitions() {
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void namesBothStatesWhenRefusing() {
        assertThatThrownBy(() -> Status.PAID.requireCanBecome(Status.OPEN)).hasMessageContaining("PAID")
            .hasMessageContaining("OPEN");
    }

}
