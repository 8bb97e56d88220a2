package kr.gyeol.shared;

/** What happened, as a partner's webhook receiver hears of it. */
public enum EventType {

    /** A payment ended: approved or declined (also when its outcome was settled late). */
    PAYMENT(Receiver.RESULT),

    /** A refund (full or partial cancel) was approved. */
    CANCEL(Receiver.RESULT),

    /** A billing key was registered. */
    BILLING_KEY_REGISTERED(Receiver.RESULT),

    /** A billing key was revoked. */
    BILLING_KEY_REVOKED(Receiver.REVOCATION),

    /** An overseas (gpay) payment ended. */
    GPAY_PAYMENT(Receiver.RESULT),

    /** An overseas (gpay) cancel was approved. */
    GPAY_CANCEL(Receiver.RESULT),

    /**
     * A subscription was created (in its trial, or with its first period charged or
     * failed).
     */
    SUBSCRIPTION_CREATED(Receiver.RESULT),

    /** A subscription's period was charged and approved. */
    SUBSCRIPTION_RENEWED(Receiver.RESULT),

    /** A charge of a subscription's period was declined or refused. */
    SUBSCRIPTION_CHARGE_FAILED(Receiver.RESULT),

    /** A subscription's renewal failed and dunning retries it. */
    SUBSCRIPTION_PAST_DUE(Receiver.RESULT),

    /** Every retry failed; the subscription is kept unpaid, no longer charged. */
    SUBSCRIPTION_UNPAID(Receiver.RESULT),

    /** A subscription ended, by its partner or by dunning. */
    SUBSCRIPTION_CANCELED(Receiver.RESULT),

    /** A subscription's trial ends soon (three days ahead by default). */
    SUBSCRIPTION_TRIAL_ENDING(Receiver.RESULT);

    /** Which of a partner's two URLs hears of an event (spec §6). */
    public enum Receiver {

        RESULT, REVOCATION

    }

    private final Receiver receiver;

    EventType(Receiver receiver) {
        this.receiver = receiver;
    }

    public Receiver receiver() {
        return this.receiver;
    }

}
