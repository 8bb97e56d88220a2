package kr.gyeol.payment;

import java.time.Instant;

import kr.gyeol.shared.EventType;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.Tokens;

/**
 * The API a payment came through. Both share one engine; they differ in their wire, their
 * order-id namespace and the events their receivers hear.
 */
public enum PaymentApi {

    /** Payple's domestic API: KRW, billing keys of cards and accounts, app cards. */
    PAYPLE(EventType.PAYMENT, EventType.CANCEL, "gyeol", false),

    /** The overseas card API (gpay): USD or KRW, foreign cards. */
    GPAY(EventType.GPAY_PAYMENT, EventType.GPAY_CANCEL, "gpay", true);

    private final EventType paymentEvent;

    private final EventType refundEvent;

    private final String orderIdPrefix;

    private final boolean numericIds;

    /**
     * @param orderIdPrefix what an order id Gyeol makes for a partner starts with
     * @param numericIds whether the API's payment and refund ids are 22 digits (the
     * overseas API's {@code pay_id} and {@code api_id}), else URL-safe tokens
     */
    PaymentApi(EventType paymentEvent, EventType refundEvent, String orderIdPrefix, boolean numericIds) {
        this.paymentEvent = paymentEvent;
        this.refundEvent = refundEvent;
        this.orderIdPrefix = orderIdPrefix;
        this.numericIds = numericIds;
    }

    /** A new id for a payment or a refund of this API. */
    public String newId() {
        return this.numericIds ? Tokens.digits(22) : Tokens.urlSafe(16);
    }

    /** A new order id for a charge whose partner gave none. */
    public OrderId newOrderId(Instant now) {
        return OrderId.of(this.orderIdPrefix + KoreanTime.seconds(now) + Tokens.digits(8));
    }

    /** The event a settled payment of this API records. */
    public EventType paymentEvent() {
        return this.paymentEvent;
    }

    /** The event an approved refund of this API records. */
    public EventType refundEvent() {
        return this.refundEvent;
    }

}
