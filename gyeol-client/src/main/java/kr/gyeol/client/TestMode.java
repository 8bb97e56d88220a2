package kr.gyeol.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A test-mode partner's controls on Gyeol ({@code /v1/test}, not part of Payple's API):
 * faults armed on the simulated network for its next charges, refunds and registrations
 * and on its next webhooks, settling its unknown outcomes now, and delivering a webhook
 * again. A live partner is refused ({@link InvalidRequestException}
 * {@code live-partner}).
 */
public final class TestMode {

    private final JsonApi api;

    TestMode(JsonApi api) {
        this.api = api;
    }

    /**
     * A fault to arm: how the partner's next charges, refunds or registrations end.
     *
     * @param operation {@code CHARGE}, {@code REFUND} or {@code REGISTRATION}; null for
     * {@code CHARGE}
     * @param outcome {@code APPROVE}, {@code DECLINE}, {@code TIMEOUT_THEN_APPROVE},
     * {@code TIMEOUT_THEN_DECLINE} or {@code NEVER_ANSWER} (a registration is approved or
     * declined only)
     * @param billingKey the billing key whose calls it takes, or null
     * @param cardNumber the card number whose charges or registrations it takes, or null;
     * with neither it takes any
     * @param declineReason why a decline declines ({@code INSUFFICIENT_FUNDS}, …), or
     * null
     * @param count how many calls it takes, 1 to 1000
     */
    public record Fault(String operation, String outcome, String billingKey, String cardNumber, String declineReason,
            int count) {

        /** Names the card by its last four digits only. */
        @Override
        public String toString() {
            return "Fault[" + (this.operation == null ? "CHARGE" : this.operation) + " " + this.outcome
                    + (this.cardNumber == null ? ""
                            : " card *" + this.cardNumber.substring(Math.max(0, this.cardNumber.length() - 4)))
                    + " x" + this.count + "]";
        }

    }

    /** A fault as armed, with the calls it still takes; its card number masked. */
    public record ArmedFault(long id, String operation, String billingKey, String cardNumber, String outcome,
            String declineReason, int armed, int remaining, String armedAt) {
    }

    record Armed(List<ArmedFault> faults) {
    }

    /** Arms a fault; faults are taken in the order armed, one call each. */
    public ArmedFault arm(Fault fault) {
        return this.api.send("POST", "/v1/test/faults", fault, ArmedFault.class);
    }

    /**
     * A webhook fault to arm: what happens to the partner's next events.
     *
     * @param kind {@code DELAY}, {@code FAIL}, {@code DUPLICATE} or {@code OUT_OF_ORDER}
     * @param eventType the type of event it takes ({@code PAYMENT}, {@code CANCEL}, …),
     * or null for any
     * @param delayMs a DELAY's wait, a FAIL's wait between its failed attempts, an
     * OUT_OF_ORDER's longest hold; or null
     * @param failures how many attempts a FAIL fails; null for the others
     * @param count how many events it takes, 1 to 1000
     */
    public record WebhookFault(String kind, String eventType, Long delayMs, Integer failures, int count) {
    }

    /** A webhook fault as armed, with the events it still takes. */
    public record ArmedWebhookFault(long id, String kind, String eventType, Long delayMs, Integer failures, int armed,
            int remaining, String armedAt) {
    }

    record ArmedWebhookFaults(List<ArmedWebhookFault> faults) {
    }

    /** Arms a webhook fault; faults are taken in the order armed, one event each. */
    public ArmedWebhookFault arm(WebhookFault fault) {
        return this.api.send("POST", "/v1/test/webhook-faults", fault, ArmedWebhookFault.class);
    }

    /** The webhook faults still armed, oldest first. */
    public List<ArmedWebhookFault> armedWebhookFaults() {
        return this.api.get("/v1/test/webhook-faults", ArmedWebhookFaults.class).faults();
    }

    /**
     * Disarms every webhook fault still armed and sends the events they hold now; how
     * many were armed.
     */
    public int disarmWebhookFaults() {
        return ((Number) this.api.send("DELETE", "/v1/test/webhook-faults", null, Map.class).get("disarmed"))
            .intValue();
    }

    /** The faults still armed, oldest first. */
    public List<ArmedFault> armed() {
        return this.api.get("/v1/test/faults", Armed.class).faults();
    }

    /** Disarms every fault still armed; how many were. */
    public int disarmAll() {
        return ((Number) this.api.send("DELETE", "/v1/test/faults", null, Map.class).get("disarmed")).intValue();
    }

    /**
     * Settles the partner's payments and refunds whose outcome is unknown now, instead of
     * after the reconciler's wait.
     */
    public void settleNow() {
        this.api.send("POST", "/v1/test/settle", null, Map.class);
    }

    /**
     * Delivers a webhook event again, with its first body, id and signature scheme.
     * @param webhookId the delivery's {@code webhook-id}
     */
    public void redeliver(String webhookId) {
        this.api.send("POST",
                "/admin/webhooks/events/" + URLEncoder.encode(webhookId, StandardCharsets.UTF_8) + "/replay", null,
                Map.class);
    }

}
