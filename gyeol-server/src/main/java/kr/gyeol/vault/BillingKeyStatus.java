package kr.gyeol.vault;

/** A billing key is active until revoked, and a revoked key never comes back. */
public enum BillingKeyStatus {

    ACTIVE, REVOKED;

    public boolean canBecome(BillingKeyStatus next) {
        return this == ACTIVE && next == REVOKED;
    }

}
