package kr.gyeol.client;

/** Where a subscription stands (see the README's diagram). */
public enum SubscriptionStatus {

    TRIALING, ACTIVE, PAST_DUE, UNPAID, CANCELED, PAUSED

}
