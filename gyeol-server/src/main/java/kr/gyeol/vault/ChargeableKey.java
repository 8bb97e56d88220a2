package kr.gyeol.vault;

import kr.gyeol.network.AccountDetails;
import kr.gyeol.network.CardDetails;
import kr.gyeol.network.Instrument;

/**
 * An active billing key with its instrument decrypted, for the network call of a charge
 * only. Exactly one of {@code card} and {@code account} is present.
 */
public record ChargeableKey(BillingKey key, CardDetails card, AccountDetails account) {

    /** The card or the account. */
    public Instrument instrument() {
        return card != null ? card : account;
    }

}
