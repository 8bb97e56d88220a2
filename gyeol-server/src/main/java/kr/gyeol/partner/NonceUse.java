package kr.gyeol.partner;

import java.time.Instant;
import kr.gyeol.partner.jdbc.AuthKeyUseRepository;
import kr.gyeol.shared.SingleUse;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The use of one single-use AuthKey by one call: its nonce's row, written in the caller's
 * transaction when there is one. Spending it again in the same call is no second use:
 * once this call spent it, it stays spent for this call unless the transaction that wrote
 * the row rolled back.
 */
final class NonceUse implements SingleUse {

    private final AuthKeyUseRepository uses;

    private final byte[] nonce;

    private final Instant expiresAt;

    private volatile boolean spentByThisCall;

    NonceUse(AuthKeyUseRepository uses, byte[] nonce, Instant expiresAt) {
        this.uses = uses;
        this.nonce = nonce;
        this.expiresAt = expiresAt;
    }

    @Override
    public boolean spend() {
        if (spentByThisCall) {
            return true;
        }
        if (!uses.spend(nonce, expiresAt)) {
            return false;
        }
        spentByThisCall = true;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        spentByThisCall = false;
                    }
                }
            });
        }
        return true;
    }

}
