package kr.gyeol.testkit.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.simulator.Faults;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.testkit.TestKit;
import kr.gyeol.vault.Masking;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;
import kr.gyeol.web.JsonApi;
import kr.gyeol.web.JsonApiProblems;
import kr.gyeol.webhook.WebhookFaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-mode partner's own test controls, with its Basic credentials: faults armed on
 * the simulated network for its next charges, refunds and registrations, and settling its
 * unknown outcomes now. Refused for live partners.
 */
@RestController
@JsonApi
class TestModeController {

    /** The most calls one fault may take. */
    static final int MOST_CALLS = 1000;

    private final Faults faults;

    private final TestKit kit;

    private final PartnerAuthentication partners;

    private final Vault vault;

    private final WebhookFaults webhookFaults;

    TestModeController(Faults faults, TestKit kit, PartnerAuthentication partners, Vault vault,
            WebhookFaults webhookFaults) {
        this.faults = faults;
        this.webhookFaults = webhookFaults;
        this.kit = kit;
        this.partners = partners;
        this.vault = vault;
    }

    /**
     * A fault to arm.
     *
     * @param operation {@code CHARGE} (when left out), {@code REFUND} or
     * {@code REGISTRATION}
     * @param billingKey the partner's billing key whose calls it takes
     * @param cardNumber the card number whose charges or registrations it takes; with
     * neither it takes any
     * @param outcome {@code APPROVE}, {@code DECLINE}, {@code TIMEOUT_THEN_APPROVE},
     * {@code TIMEOUT_THEN_DECLINE} or {@code NEVER_ANSWER}
     * @param declineReason why a decline declines ({@code GENERIC} when left out):
     * {@code INSUFFICIENT_FUNDS}, {@code EXPIRED_CARD}, …
     * @param count how many calls it takes, 1 to 1000 (1 when left out)
     */
    record FaultRequest(String operation, String billingKey, String cardNumber, String outcome, String declineReason,
            Integer count) {

        @Override
        public String toString() {
            return "FaultRequest[" + this.operation + ", " + this.outcome + "]";
        }

    }

    /** An armed fault; its card number masked. */
    record FaultView(long id, String operation, String billingKey, String cardNumber, String outcome,
            String declineReason, int armed, int remaining, String armedAt) {

        static FaultView of(Faults.Fault fault) {
            return new FaultView(fault.id(), fault.operation().name(), BillingKeyId.valueOf(fault.billingKeyId()),
                    fault.cardMasked(), fault.outcome().name(),
                    fault.declineReason() == null ? null : fault.declineReason().name(), fault.armed(),
                    fault.remaining(), fault.armedAt().toString());
        }

    }

    /** The partner's armed faults. */
    record Armed(List<FaultView> faults) {
    }

    @PostMapping("/v1/test/faults")
    ResponseEntity<?> arm(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestBody(required = false) FaultRequest request) {
        ResponseEntity<?> live = refusedIfLive(partner);
        if (live != null) {
            return live;
        }
        Faults.Operation operation = Faults.Operation.CHARGE;
        if (request != null && request.operation() != null) {
            Optional<Faults.Operation> named = named(Faults.Operation.class, request.operation());
            if (named.isEmpty()) {
                return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                        "operation is CHARGE, REFUND or REGISTRATION.");
            }
            operation = named.get();
        }
        if (request == null || request.outcome() == null) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "outcome is required: APPROVE, DECLINE, TIMEOUT_THEN_APPROVE, TIMEOUT_THEN_DECLINE or NEVER_ANSWER.");
        }
        Optional<Faults.Outcome> namedOutcome = named(Faults.Outcome.class, request.outcome());
        if (namedOutcome.isEmpty()) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "outcome is APPROVE, DECLINE, TIMEOUT_THEN_APPROVE, TIMEOUT_THEN_DECLINE or NEVER_ANSWER.");
        }
        Faults.Outcome outcome = namedOutcome.get();
        if (operation == Faults.Operation.REGISTRATION && outcome != Faults.Outcome.APPROVE
                && outcome != Faults.Outcome.DECLINE) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "A registration is APPROVE or DECLINE: its key is issued or it is not.");
        }
        boolean declines = outcome == Faults.Outcome.DECLINE || outcome == Faults.Outcome.TIMEOUT_THEN_DECLINE;
        DeclineReason reason = null;
        if (request.declineReason() != null) {
            if (!declines) {
                return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                        "declineReason goes only with DECLINE or TIMEOUT_THEN_DECLINE.");
            }
            reason = named(DeclineReason.class, request.declineReason()).orElse(null);
            if (reason == null) {
                return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                        "declineReason is one of " + List.of(DeclineReason.values()) + ".");
            }
        }
        else if (declines) {
            reason = DeclineReason.GENERIC;
        }
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > MOST_CALLS) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "count is 1 to " + MOST_CALLS + ".");
        }
        if (request.billingKey() != null && request.cardNumber() != null) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "A fault selects a billingKey or a cardNumber, not both.");
        }
        if (operation == Faults.Operation.REGISTRATION && request.billingKey() != null) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "A registration has no billing key yet: select it by cardNumber, or leave both out for any.");
        }
        if (operation == Faults.Operation.REFUND && request.cardNumber() != null) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "A refund is selected by the billingKey of the payment it cancels, or any.");
        }
        Faults.Selector selector = Faults.Selector.ANY;
        if (request.cardNumber() != null) {
            String digits = request.cardNumber().replaceAll("[ -]", "");
            if (!digits.matches("[0-9]{12,19}")) {
                return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                        "cardNumber is 12 to 19 digits.");
            }
            selector = new Faults.Selector(null, digits, Masking.card(digits));
        }
        if (request.billingKey() != null) {
            try {
                selector = new Faults.Selector(
                        this.vault.find(partner, BillingKeyId.of(request.billingKey().trim())).id(), null, null);
            }
            catch (RegistrationRejected | IllegalArgumentException unknown) {
                return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-billing-key",
                        "billingKey is none of this partner's billing keys.");
            }
        }
        Faults.Fault fault = this.faults.arm(partner, operation, selector, outcome, reason, count);
        return ResponseEntity.created(URI.create("/v1/test/faults")).body(FaultView.of(fault));
    }

    @GetMapping("/v1/test/faults")
    ResponseEntity<?> armed(@RequestAttribute(JsonApi.PARTNER) PartnerId partner) {
        ResponseEntity<?> live = refusedIfLive(partner);
        if (live != null) {
            return live;
        }
        return ResponseEntity.ok(new Armed(this.faults.armed(partner).stream().map(FaultView::of).toList()));
    }

    @DeleteMapping("/v1/test/faults")
    ResponseEntity<?> disarm(@RequestAttribute(JsonApi.PARTNER) PartnerId partner) {
        ResponseEntity<?> live = refusedIfLive(partner);
        if (live != null) {
            return live;
        }
        return ResponseEntity.ok(Map.of("disarmed", this.faults.disarm(partner)));
    }

    /** The longest delay a webhook fault may set: a day. */
    static final java.time.Duration LONGEST_DELAY = java.time.Duration.ofDays(1);

    /** The most attempts a webhook fault may fail. */
    static final int MOST_FAILURES = 100;

    /**
     * A webhook fault to arm.
     *
     * @param kind {@code DELAY}, {@code FAIL}, {@code DUPLICATE} or {@code OUT_OF_ORDER}
     * @param eventType the type of event it takes ({@code PAYMENT}, {@code CANCEL},
     * {@code BILLING_KEY_REGISTERED}, …), or null for any
     * @param delayMs a DELAY's wait (required), a FAIL's wait between its failed attempts
     * (the retry schedule's when left out), an OUT_OF_ORDER's longest hold (30 s when
     * left out)
     * @param failures how many attempts a FAIL fails (required for FAIL only)
     * @param count how many events it takes, 1 to 1000 (1 when left out)
     */
    record WebhookFaultRequest(String kind, String eventType, Long delayMs, Integer failures, Integer count) {
    }

    /** An armed webhook fault. */
    record WebhookFaultView(long id, String kind, String eventType, Long delayMs, Integer failures, int armed,
            int remaining, String armedAt) {

        static WebhookFaultView of(WebhookFaults.Fault fault) {
            return new WebhookFaultView(fault.id(), fault.kind().name(),
                    fault.eventType() == null ? null : fault.eventType().name(),
                    fault.delay() == null ? null : fault.delay().toMillis(), fault.failures(), fault.armed(),
                    fault.remaining(), fault.armedAt().toString());
        }

    }

    /** The partner's armed webhook faults. */
    record ArmedWebhookFaults(List<WebhookFaultView> faults) {
    }

    @PostMapping("/v1/test/webhook-faults")
    ResponseEntity<?> armWebhookFault(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestBody(required = false) WebhookFaultRequest request) {
        ResponseEntity<?> live = refusedIfLive(partner);
        if (live != null) {
            return live;
        }
        WebhookFaults.Kind kind = request == null ? null : named(WebhookFaults.Kind.class, request.kind()).orElse(null);
        if (kind == null) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "kind is DELAY, FAIL, DUPLICATE or OUT_OF_ORDER.");
        }
        EventType type = null;
        if (request.eventType() != null) {
            type = named(EventType.class, request.eventType()).orElse(null);
            if (type == null) {
                return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                        "eventType is one of " + List.of(EventType.values()) + ".");
            }
        }
        java.time.Duration delay = request.delayMs() == null ? null : java.time.Duration.ofMillis(request.delayMs());
        if (delay != null
                && (kind == WebhookFaults.Kind.DUPLICATE || delay.isNegative() || delay.compareTo(LONGEST_DELAY) > 0)) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "delayMs is 0 to " + LONGEST_DELAY.toMillis() + ", for DELAY, FAIL or OUT_OF_ORDER.");
        }
        if (kind == WebhookFaults.Kind.DELAY && delay == null) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "A DELAY needs its delayMs.");
        }
        if ((kind == WebhookFaults.Kind.FAIL) != (request.failures() != null)
                || (request.failures() != null && (request.failures() < 1 || request.failures() > MOST_FAILURES))) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "failures is 1 to " + MOST_FAILURES + ", for FAIL and only for it.");
        }
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > MOST_CALLS) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "count is 1 to " + MOST_CALLS + ".");
        }
        WebhookFaults.Fault fault = this.webhookFaults.arm(partner, kind, type, delay, request.failures(), count);
        return ResponseEntity.created(URI.create("/v1/test/webhook-faults")).body(WebhookFaultView.of(fault));
    }

    @GetMapping("/v1/test/webhook-faults")
    ResponseEntity<?> armedWebhookFaults(@RequestAttribute(JsonApi.PARTNER) PartnerId partner) {
        ResponseEntity<?> live = refusedIfLive(partner);
        if (live != null) {
            return live;
        }
        return ResponseEntity
            .ok(new ArmedWebhookFaults(this.webhookFaults.armed(partner).stream().map(WebhookFaultView::of).toList()));
    }

    @DeleteMapping("/v1/test/webhook-faults")
    ResponseEntity<?> disarmWebhookFaults(@RequestAttribute(JsonApi.PARTNER) PartnerId partner) {
        ResponseEntity<?> live = refusedIfLive(partner);
        if (live != null) {
            return live;
        }
        return ResponseEntity.ok(Map.of("disarmed", this.webhookFaults.disarm(partner)));
    }

    /** Settles this partner's unknown payments and refunds now. */
    @PostMapping("/v1/test/settle")
    ResponseEntity<?> settle(@RequestAttribute(JsonApi.PARTNER) PartnerId partner) {
        ResponseEntity<?> live = refusedIfLive(partner);
        if (live != null) {
            return live;
        }
        return ResponseEntity.ok(Map.of("settled", this.kit.settleNow(partner)));
    }

    /**
     * The constant {@code value} names, whatever its case and spaces around it; empty for
     * none.
     */
    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private ResponseEntity<?> refusedIfLive(PartnerId partner) {
        return this.partners.isTestMode(partner.value()) ? null : JsonApiProblems.problem(HttpStatus.FORBIDDEN,
                "live-partner", "Test controls are for test-mode partners only.");
    }

}
