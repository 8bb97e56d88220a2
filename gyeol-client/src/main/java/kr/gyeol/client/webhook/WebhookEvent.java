package kr.gyeol.client.webhook;

import java.util.Map;

import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.GpayFields;

/**
 * One webhook, by what it reports. Every event keeps the body's fields as they came in
 * {@link #fields()} (an overseas body's {@code info} object flattened into it); the
 * accessors name the ones a receiver usually needs.
 *
 * <pre>{@code
 * switch (webhooks.verifyAndParse(request::getHeader, body, contentType)) {
 *     case WebhookEvent.PaymentResult payment -> markPaid(payment.orderId(), payment.approved());
 *     case WebhookEvent.Refunded refund -> markRefunded(refund.orderId(), refund.amount());
 *     default -> { }
 * }
 * }</pre>
 */
public sealed interface WebhookEvent {

    /** The body's fields. */
    Map<String, String> fields();

    /**
     * A domestic payment ended, as the window's result reports it (spec §6).
     *
     * @param fields the body's fields
     */
    record PaymentResult(Map<String, String> fields) implements WebhookEvent {

        /** The order id. */
        public String orderId() {
            return this.fields.get(Fields.PAY_OID);
        }

        /** Whether it was approved. */
        public boolean approved() {
            return "success".equalsIgnoreCase(this.fields.get(Fields.PAY_RST));
        }

        /** The result code. */
        public String code() {
            return this.fields.get(Fields.PAY_CODE);
        }

        /** The amount in won. */
        public long amount() {
            return Webhooks.amount(this.fields.get(Fields.PAY_TOTAL));
        }

        /** The billing key, if the payment used one. */
        public String billingKey() {
            return this.fields.get(Fields.PAYER_ID);
        }

    }

    /**
     * A domestic payment was refunded in full or in part ({@code PCD_PAYCANCEL_FLAG=Y}).
     *
     * @param fields the body's fields
     */
    record Refunded(Map<String, String> fields) implements WebhookEvent {

        /** The payment's order id. */
        public String orderId() {
            return this.fields.get(Fields.PAY_OID);
        }

        /** The amount of this refund, in won. */
        public long amount() {
            return Webhooks.amount(this.fields.get(Fields.REFUND_TOTAL));
        }

    }

    /**
     * A billing key was registered ({@code PCD_PAY_WORK=AUTH}).
     *
     * @param fields the body's fields
     */
    record BillingKeyRegistered(Map<String, String> fields) implements WebhookEvent {

        /** The billing key. */
        public String billingKey() {
            return this.fields.get(Fields.PAYER_ID);
        }

    }

    /**
     * A billing key was revoked ({@code PCD_PAY_WORK=PUSERDEL}).
     *
     * @param fields the body's fields
     */
    record BillingKeyRevoked(Map<String, String> fields) implements WebhookEvent {

        /** The billing key. */
        public String billingKey() {
            return this.fields.get(Fields.PAYER_ID);
        }

    }

    /**
     * Something happened to a subscription of Gyeol's recurring billing
     * ({@code type=SUBSCRIPTION_…}: {@code SUBSCRIPTION_CREATED}, {@code _RENEWED},
     * {@code _CHARGE_FAILED}, {@code _PAST_DUE}, {@code _UNPAID}, {@code _CANCELED}, …;
     * not part of Payple's API).
     *
     * @param fields the body's fields
     */
    record SubscriptionEvent(Map<String, String> fields) implements WebhookEvent {

        /**
         * What happened: {@code SUBSCRIPTION_RENEWED}, {@code SUBSCRIPTION_PAST_DUE}, …
         */
        public String type() {
            return this.fields.get("type");
        }

        /** The subscription's id ({@code sub_…}). */
        public String subscriptionId() {
            return this.fields.get("subscriptionId");
        }

        /** The subscription's status after it: {@code ACTIVE}, {@code PAST_DUE}, … */
        public String status() {
            return this.fields.get("status");
        }

        /** The number of the subscription's current period, 1 for the first. */
        public int periodNumber() {
            return Integer.parseInt(this.fields.get("periodNumber"));
        }

        /** When the current period ends, as an ISO-8601 instant. */
        public String periodEnd() {
            return this.fields.get("periodEnd");
        }

        /** The order id of the charge it reports, or null. */
        public String orderId() {
            return this.fields.get("orderId");
        }

    }

    /**
     * An overseas payment ended ({@code type=PAYMENT}, spec §5.6).
     *
     * @param fields the body's fields, {@code info} flattened
     */
    record OverseasPaymentResult(Map<String, String> fields) implements WebhookEvent {

        /** The payment's id. */
        public String payId() {
            return this.fields.get(GpayFields.API_ID);
        }

        /** The order id. */
        public String orderId() {
            return this.fields.get(GpayFields.SERVICE_OID);
        }

        /** Whether it was approved ({@code A0000}). */
        public boolean approved() {
            return "A0000".equals(this.fields.get("result"));
        }

        /** The amount, e.g. {@code 1.00}. */
        public String amount() {
            return this.fields.get(GpayFields.TOTAL_AMOUNT);
        }

    }

    /**
     * An overseas payment was cancelled in full or in part ({@code type=CANCEL}).
     *
     * @param fields the body's fields, {@code info} flattened
     */
    record OverseasCancelled(Map<String, String> fields) implements WebhookEvent {

        /** The cancel's id. */
        public String cancelId() {
            return this.fields.get(GpayFields.API_ID);
        }

        /** The payment's order id. */
        public String orderId() {
            return this.fields.get(GpayFields.SERVICE_OID);
        }

        /** The amount cancelled. */
        public String amount() {
            return this.fields.get(GpayFields.TOTAL_AMOUNT);
        }

    }

}
