package kr.gyeol.example.shop;

import java.util.Map;

import kr.gyeol.client.webhook.WebhookEvent;
import kr.gyeol.client.webhook.WebhookVerificationException;
import kr.gyeol.client.webhook.Webhooks;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's HTTP side: pay and refund an order, start a monthly membership, and the
 * webhook receiver.
 */
@RestController
class ShopController {

    private final Checkout checkout;

    private final Orders orders;

    private final Memberships memberships;

    private final Webhooks webhooks;

    ShopController(Checkout checkout, Orders orders, Memberships memberships, PaypleProperties properties) {
        this.checkout = checkout;
        this.orders = orders;
        this.memberships = memberships;
        this.webhooks = new Webhooks(properties.webhookSecret());
    }

    @PostMapping("/orders/{id}/pay")
    Order pay(@PathVariable String id, @RequestParam String billingKey, @RequestParam long amount) {
        return this.checkout.pay(id, billingKey, amount);
    }

    @PostMapping("/orders/{id}/refund")
    Order refund(@PathVariable String id) {
        return this.checkout.refund(id);
    }

    @GetMapping("/orders/{id}")
    ResponseEntity<Order> order(@PathVariable String id) {
        return ResponseEntity.of(this.orders.find(id));
    }

    @PostMapping("/memberships")
    Membership subscribe(@RequestParam String billingKey, @RequestParam(required = false) String testClock) {
        return this.checkout.subscribe(billingKey, testClock);
    }

    @GetMapping("/memberships/{id}")
    ResponseEntity<Membership> membership(@PathVariable String id) {
        return ResponseEntity.of(this.memberships.find(id));
    }

    /**
     * Payple's payment result webhook: verified, then the order is marked paid (and
     * shipped) once however often it is delivered; a subscription's events keep its
     * membership.
     */
    @PostMapping("/payple/webhook")
    ResponseEntity<Map<String, String>> webhook(HttpServletRequest request, @RequestBody String body) {
        WebhookEvent event;
        try {
            event = this.webhooks.verifyAndParse(request::getHeader, body, request.getContentType());
        }
        catch (WebhookVerificationException forged) {
            return ResponseEntity.status(400).body(Map.of("error", "signature"));
        }
        if (event instanceof WebhookEvent.SubscriptionEvent subscription) {
            this.memberships.heard(subscription);
        }
        else if (event instanceof WebhookEvent.PaymentResult result) {
            if (result.approved()) {
                this.orders.markPaid(result.orderId());
            }
            else {
                this.orders.mark(result.orderId(), Order.Status.DECLINED);
            }
        }
        return ResponseEntity.ok(Map.of("result", "ok"));
    }

}
