package kr.gyeol.junit;

import java.util.LinkedHashMap;
import java.util.Map;

import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.TestMode;

/**
 * One test's view of the gateway: its own test-mode partner, a client for it, the host
 * values a shop configures, and the partner's webhook inbox.
 */
public final class Gyeol implements AutoCloseable {

    private final String baseUrl;

    private final GyeolPartner partner;

    private final Inbox inbox;

    private final Runnable onClose;

    private GyeolClient client;

    Gyeol(String baseUrl, GyeolPartner partner, Inbox inbox, Runnable onClose) {
        this.baseUrl = baseUrl;
        this.partner = partner;
        this.inbox = inbox;
        this.onClose = onClose;
    }

    /** The gateway's base URL, {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return this.baseUrl;
    }

    /** This test's partner. */
    public GyeolPartner partner() {
        return this.partner;
    }

    /** Where this partner's webhooks arrive. */
    public Inbox inbox() {
        return this.inbox;
    }

    /**
     * A client of this partner (its cst_id, custKey and refund key, pages served from
     * {@code http://localhost}).
     */
    public synchronized GyeolClient client() {
        if (this.client == null) {
            GyeolClient.Builder builder = GyeolClient.builder()
                .hosts(Hosts.gyeol(this.baseUrl))
                .partner(this.partner.cstId(), this.partner.custKey())
                .refundKey(this.partner.refundKey())
                .referer("http://localhost");
            if (this.partner.gpayServiceId() != null) {
                // A gateway before overseas test partners names none.
                builder.overseasService(this.partner.gpayServiceId(), this.partner.custKey());
            }
            this.client = builder.build();
        }
        return this.client;
    }

    /**
     * Arms a fault on the simulated network for this partner's next charges, refunds or
     * registrations; faults are taken in the order armed, one call each, and never reach
     * another partner.
     * @throws kr.gyeol.client.InvalidRequestException when the gateway refuses it (its
     * problem's code and detail)
     */
    public void arm(Fault fault) {
        client().testMode()
            .arm(new TestMode.Fault(fault.operation(), fault.outcome(), fault.billingKey(), fault.cardNumber(),
                    fault.declineReason(), fault.count()));
    }

    /** A new test clock of this partner, frozen at the present. */
    public GyeolClock newTestClock() {
        return newTestClock(null);
    }

    /**
     * A new test clock of this partner, frozen at {@code start} (the present when null).
     */
    public GyeolClock newTestClock(java.time.Instant start) {
        return new GyeolClock(client(), client().billing().createTestClock("gyeol-junit", start));
    }

    /**
     * Arms a fault on this partner's next webhooks; faults are taken in the order armed,
     * one event each, and never reach another partner.
     * @throws kr.gyeol.client.InvalidRequestException when the gateway refuses it
     */
    public void arm(WebhookFault fault) {
        client().testMode()
            .arm(new TestMode.WebhookFault(fault.kind(), fault.eventType(),
                    fault.delay() == null ? null : fault.delay().toMillis(), fault.failures(), fault.count()));
    }

    /**
     * Disarms every fault of this partner still armed, on the network and on webhooks;
     * events a webhook fault holds are sent now.
     */
    public void disarmAll() {
        client().testMode().disarmAll();
        client().testMode().disarmWebhookFaults();
    }

    /**
     * Settles this partner's payments and refunds whose outcome is unknown now, as the
     * gateway's reconciler does after its wait.
     */
    public void settleNow() {
        client().testMode().settleNow();
    }

    /**
     * Delivers a webhook again, with the body, id and signature it was first sent with,
     * as a network hiccup would: a receiver must handle it once.
     * @param webhookId the delivery's {@code webhook-id} ({@link Inbox.Delivery#id()})
     */
    public void redeliver(String webhookId) {
        client().testMode().redeliver(webhookId);
    }

    /** Payple's partner authentication URL on this gateway ({@code /php/auth.php}). */
    public String authUrl() {
        return this.baseUrl + "/php/auth.php";
    }

    /** The payment window's script for pages ({@code cpay.payple.1.0.1.js}). */
    public String windowScriptUrl() {
        return this.baseUrl + "/js/cpay.payple.1.0.1.js";
    }

    /** The v1 payment SDK's script ({@code /js/v1/payment.js}). */
    public String sdkScriptUrl() {
        return this.baseUrl + "/js/v1/payment.js";
    }

    /** The overseas card API's base URL (gpay). */
    public String overseasBaseUrl() {
        return this.baseUrl;
    }

    /**
     * What a shop's configuration needs, under {@code prefix}: {@code <prefix>.cst-id},
     * {@code .cust-key}, {@code .client-key}, {@code .refund-key}, {@code .base-url},
     * {@code .auth-url}, {@code .window-script-url}, {@code .sdk-script-url},
     * {@code .overseas-base-url}, {@code .gpay-service-id}, {@code .webhook-secret}. A
     * Spring Boot shop registers them in one line:
     * {@code gyeol.properties("payple").forEach((name, value) -> registry.add(name, () -> value))}.
     */
    public Map<String, String> properties(String prefix) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix + ".cst-id", this.partner.cstId());
        properties.put(prefix + ".cust-key", this.partner.custKey());
        properties.put(prefix + ".client-key", this.partner.clientKey());
        properties.put(prefix + ".refund-key", this.partner.refundKey());
        properties.put(prefix + ".base-url", this.baseUrl);
        properties.put(prefix + ".auth-url", authUrl());
        properties.put(prefix + ".window-script-url", windowScriptUrl());
        properties.put(prefix + ".sdk-script-url", sdkScriptUrl());
        properties.put(prefix + ".overseas-base-url", overseasBaseUrl());
        if (this.partner.gpayServiceId() != null) {
            properties.put(prefix + ".gpay-service-id", this.partner.gpayServiceId());
        }
        properties.put(prefix + ".webhook-secret", this.partner.webhookSecret());
        return properties;
    }

    /** Stops taking this partner's webhooks (a delivery afterwards is answered 410). */
    @Override
    public void close() {
        this.onClose.run();
    }

}
