package kr.gyeol.payment;

import kr.gyeol.shared.EventType;

/**
 * The API a payment came through. Both share one engine; they differ in their wire, their
 * order-id namespace and the events their receivers hear.
 */
public enum PaymentApi {

    /** Payple's domestic API: KRW, billing keys of cards and accounts, app cards. */
    PAYPLE(EventType.PAYMENT, EventType.CANCEL),

    /** The overseas card API (gpay): USD or KRW, foreign cards. */
    GPAY(EventType.GPAY_PAYMENT, EventType.GPAY_CANCEL);

    private final EventType paymentEvent;

    private final EventType refundEvent;

    PaymentApi(EventType paymentEvent, EventType refundEvent) {
        this.paymentEvent = paymentEvent;
        this.refundEvent = refundEvent;
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
