package kr.gyeol.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of refund states, legal and illegal. */
class RefundStatusTest {

    @Test
    void allowsExactlyTheDrawnTransitions() {
        Map<RefundStatus, Set<RefundStatus>> legal = Map.of(RefundStatus.PENDING,
                Set.of(RefundStatus.APPROVED, RefundStatus.DECLINED, RefundStatus.UNKNOWN), RefundStatus.UNKNOWN,
                Set.of(RefundStatus.APPROVED, RefundStatus.DECLINED), RefundStatus.APPROVED, Set.of(),
                RefundStatus.DECLINED, Set.of());
        for (RefundStatus from : RefundStatus.values()) {
            for (RefundStatus to : RefundStatus.values()) {
                assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(legal.get(from).contains(to));
            }
        }
    }

}
