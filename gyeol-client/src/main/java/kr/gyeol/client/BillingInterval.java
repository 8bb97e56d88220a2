package kr.gyeol.client;

/** How a plan's periods are counted. */
public enum BillingInterval {

    DAY, WEEK, MONTH, YEAR

}
