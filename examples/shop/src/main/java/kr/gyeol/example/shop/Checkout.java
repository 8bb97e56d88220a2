package kr.gyeol.example.shop;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.OutcomeUnknownException;
import kr.gyeol.client.PayType;
import kr.gyeol.client.PlanRequest;
import kr.gyeol.client.RefundRequest;
import kr.gyeol.client.Subscription;
import kr.gyeol.client.SubscriptionRequest;
import kr.gyeol.client.SubscriptionStatus;

import org.springframework.stereotype.Service;

/**
 * Charges a customer's saved card (Payple RePay, a billing key), refunds it, and starts
 * monthly memberships on it: the shop's server-to-server side of Payple and Gyeol.
 */
@Service
public class Checkout {

    private final GyeolClient payple;

    private final Orders orders;

    private final Memberships memberships;

    private String monthlyPlan;

    Checkout(PaypleProperties properties, Orders orders, Memberships memberships) {
        this.payple = GyeolClient.builder()
            .hosts(Hosts.gyeol(properties.baseUrl()))
            .partner(properties.cstId(), properties.custKey())
            .refundKey(properties.refundKey())
            .referer("http://localhost")
            .requestTimeout(Duration.ofSeconds(30))
            .build();
        this.orders = orders;
        this.memberships = memberships;
    }

    /** Charges the order's card; the order ends PAID, DECLINED or PAYMENT_UNKNOWN. */
    public Order pay(String orderId, String billingKey, long amount) {
        this.orders.save(new Order(orderId, billingKey, amount, Order.Status.PAYMENT_UNKNOWN));
        try {
            ChargeResult result = this.payple.payments()
                .charge(Charge.builder(PayType.CARD, billingKey, "구독 상자", amount).orderId(orderId).build());
            switch (result) {
                case ChargeResult.Approved approved -> this.orders.markPaid(orderId);
                case ChargeResult.Declined declined -> this.orders.mark(orderId, Order.Status.DECLINED);
            }
        }
        catch (OutcomeUnknownException unknown) {
            // Never charge again: the payment webhook (or a lookup) tells how it ended.
        }
        return this.orders.find(orderId).orElseThrow();
    }

    /** Refunds the whole order. */
    public Order refund(String orderId) {
        Order order = this.orders.find(orderId).orElseThrow();
        this.payple.payments()
            .refund(RefundRequest.of(orderId, LocalDate.now(ZoneId.of("Asia/Seoul")), order.amount()));
        this.orders.mark(orderId, Order.Status.REFUNDED);
        return this.orders.find(order.id()).orElseThrow();
    }

    /**
     * Starts a monthly membership on the customer's saved card: the first month is
     * charged now, the next ones by Gyeol each month.
     * @param testClock a test clock to live by (tests only), or null
     */
    public Membership subscribe(String billingKey, String testClock) {
        SubscriptionRequest request = SubscriptionRequest.of(monthlyPlan(), billingKey);
        Subscription subscription = this.payple.billing()
            .subscribe(testClock == null ? request : request.onTestClock(testClock));
        Membership membership = new Membership(subscription.id(), billingKey, subscription.status().name(),
                subscription.status() == SubscriptionStatus.ACTIVE ? subscription.periodNumber() + 1 : 0,
                String.valueOf(subscription.currentPeriodEnd()));
        this.memberships.save(membership);
        return membership;
    }

    /** The shop's one plan, made on Gyeol the first time it is needed. */
    private synchronized String monthlyPlan() {
        if (this.monthlyPlan == null) {
            this.monthlyPlan = this.payple.billing().createPlan(PlanRequest.monthly("월간 구독 상자", 9_900)).id();
        }
        return this.monthlyPlan;
    }

    /** The client, for registering a customer's card in the shop's own sign-up flow. */
    public GyeolClient payple() {
        return this.payple;
    }

}
