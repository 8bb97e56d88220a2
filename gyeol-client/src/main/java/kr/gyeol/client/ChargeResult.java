package kr.gyeol.client;

/**
 * How a payment ended: approved, or declined by the card company or bank. A decline is a
 * result, not an exception; switch over it:
 *
 * <pre>{@code
 * switch (client.payments().charge(charge)) {
 *     case ChargeResult.Approved approved -> ship(approved.payment());
 *     case ChargeResult.Declined declined -> askForAnotherCard(declined.message());
 * }
 * }</pre>
 */
public sealed interface ChargeResult {

    /** The order id the payment was made under. */
    String orderId();

    /**
     * The payment was approved.
     *
     * @param payment what was charged
     */
    record Approved(Payment payment) implements ChargeResult {

        @Override
        public String orderId() {
            return this.payment.orderId();
        }

    }

    /**
     * The card company or bank declined; nothing was charged.
     *
     * @param orderId the order id
     * @param code Payple's code, e.g. {@code SPCD0018}
     * @param message the message, with the institution's code and reason when there is
     * one
     */
    record Declined(String orderId, String code, String message) implements ChargeResult {
    }

}
