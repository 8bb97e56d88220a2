package kr.gyeol.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A billing key is active until revoked, and a revoked key never comes back. */
class BillingKeyStatusTest {

    @Test
    void onlyAnActiveKeyIsRevoked() {
        for (BillingKeyStatus from : BillingKeyStatus.values()) {
            for (BillingKeyStatus to : BillingKeyStatus.values()) {
                assertThat(from.canBecome(to)).as("%s -> %s", from, to)
                    .isEqualTo(from == BillingKeyStatus.ACTIVE && to == BillingKeyStatus.REVOKED);
            }
        }
    }

}
