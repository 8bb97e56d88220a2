package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;

import kr.gyeol.payment.CashReceipt.Status;
import org.junit.jupiter.api.Test;

/** A cash receipt is issued, then perhaps cancelled, and never issued again. */
class CashReceiptStatusTest {

    @Test
    void onlyAnIssuedReceiptIsCancelled() {
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                assertThat(from.canBecome(to)).as("%s -> %s", from, to)
                    .isEqualTo(from == Status.ISSUED && to == Status.CANCELLED);
            }
        }
    }

}
