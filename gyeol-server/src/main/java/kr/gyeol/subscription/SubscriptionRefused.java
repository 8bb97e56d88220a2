package kr.gyeol.subscription;

import kr.gyeol.shared.Refused;

/** A plan, subscription, clock or settings request that cannot be carried out. */
public class SubscriptionRefused extends Refused {

    SubscriptionRefused(Kind kind, String code, String detail) {
        super(kind, code, detail);
    }

    static SubscriptionRefused invalid(String code, String detail) {
        return new SubscriptionRefused(Kind.INVALID, code, detail);
    }

    static SubscriptionRefused notFound(String what, String id) {
        return new SubscriptionRefused(Kind.NOT_FOUND, "no-such-" + what,
                "No " + what.replace('-', ' ') + " " + id + " of this partner.");
    }

    /** The billing key already backs a live subscription (one per key). */
    static SubscriptionRefused keyInUse(String billingKey) {
        return conflict("billing-key-in-use",
                "Billing key " + billingKey + " already backs a subscription that is not canceled.");
    }

    static SubscriptionRefused conflict(String code, String detail) {
        return new SubscriptionRefused(Kind.CONFLICT, code, detail);
    }

}
