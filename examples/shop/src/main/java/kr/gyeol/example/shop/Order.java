package kr.gyeol.example.shop;

/**
 * One order of the shop.
 *
 * @param status what the shop knows of its payment
 */
public record Order(String id, String billingKey, long amount, Status status) {

    /** What the shop knows of an order's payment. */
    public enum Status {

        /**
         * Charged; the answer did not say how it ended (a timeout): a webhook or lookup
         * will.
         */
        PAYMENT_UNKNOWN, PAID, DECLINED, REFUNDED

    }

    Order with(Status next) {
        return new Order(this.id, this.billingKey, this.amount, next);
    }

}
