package kr.gyeol.client;

/** Where a subscription stands (see the diagram in docs/recurring-billing.md). */
public enum SubscriptionStatus {

    TRIALING, ACTIVE, PAST_DUE, UNPAID, CANCELED, PAUSED

}
