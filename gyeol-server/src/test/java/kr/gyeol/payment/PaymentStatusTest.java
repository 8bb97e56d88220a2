package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of payment states, legal and illegal. */
class PaymentStatusTest {

    private static final Map<PaymentStatus, Set<PaymentStatus>> LEGAL = Map.of(PaymentStatus.PENDING,
            Set.of(PaymentStatus.APPROVED, PaymentStatus.DECLINED, PaymentStatus.UNKNOWN), PaymentStatus.UNKNOWN,
            Set.of(PaymentStatus.APPROVED, PaymentStatus.DECLINED), PaymentStatus.APPROVED, Set.of(),
            PaymentStatus.DECLINED, Set.of());

    @Test
    void allowsExactlyTheDrawnTransitions() {
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void namesBothStatesWhenRefusing() {
        assertThatThrownBy(() -> PaymentStatus.APPROVED.requireCanBecome(PaymentStatus.DECLINED))
            .hasMessageContaining("APPROVED")
            .hasMessageContaining("DECLINED");
    }

}
