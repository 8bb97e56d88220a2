package kr.gyeol.example.shop;

/**
 * A customer's monthly membership: a subscription on Gyeol's recurring billing, which
 * charges the saved card each month and tells the shop by webhook.
 *
 * @param id the subscription's id
 * @param status {@code ACTIVE}, {@code PAST_DUE} (a renewal was declined and is being
 * retried), {@code UNPAID}, {@code CANCELED}, …
 * @param paidPeriods how many months are paid
 * @param paidThrough when the last paid month ends (ISO-8601)
 */
public record Membership(String id, String billingKey, String status, int paidPeriods, String paidThrough) {

    /**
     * The membership once period {@code period} was paid (Gyeol numbers a subscription's
     * periods from 0).
     */
    Membership renewed(int period, String periodEnd) {
        // A webhook delivered twice, or late, never takes a membership back.
        int paid = period + 1;
        return paid <= this.paidPeriods ? this : new Membership(this.id, this.billingKey, "ACTIVE", paid, periodEnd);
    }

    Membership with(String nextStatus) {
        return new Membership(this.id, this.billingKey, nextStatus, this.paidPeriods, this.paidThrough);
    }

}
