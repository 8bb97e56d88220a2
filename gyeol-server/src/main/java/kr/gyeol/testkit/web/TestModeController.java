package kr.gyeol.testkit.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.simulator.Faults;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.testkit.TestKit;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;
import kr.gyeol.web.JsonApi;
import kr.gyeol.web.JsonApiProblems;

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
 * the simulated network for its next charges, and settling its unknown outcomes now.
 * Refused for live partners.
 */
@RestController
@JsonApi
class TestModeController {

    /** The most charges one fault may take. */
    static final int MOST_CHARGES = 1000;

    private final Faults faults;

    private final TestKit kit;

    private final PartnerAuthentication partners;

    private final Vault vault;

    TestModeController(Faults faults, TestKit kit, PartnerAuthentication partners, Vault vault) {
        this.faults = faults;
        this.kit = kit;
        this.partners = partners;
        this.vault = vault;
    }

    /**
     * A fault to arm.
     *
     * @param billingKey the partner's billing key whose charges it takes, or null for any
     * @param outcome {@code APPROVE}, {@code DECLINE}, {@code TIMEOUT_THEN_APPROVE},
     * {@code TIMEOUT_THEN_DECLINE} or {@code NEVER_ANSWER}
     * @param declineReason why a decline declines ({@code GENERIC} when left out):
     * {@code INSUFFICIENT_FUNDS}, {@code EXPIRED_CARD}, …
     * @param count how many charges it takes, 1 to 1000 (1 when left out)
     */
    record FaultRequest(String billingKey, String outcome, String declineReason, Integer count) {
    }

    /** An armed fault. */
    record FaultView(long id, String billingKey, String outcome, String declineReason, int armed, int remaining,
            String armedAt) {

        static FaultView of(Faults.Fault fault) {
            return new FaultView(fault.id(), BillingKeyId.valueOf(fault.billingKeyId()), fault.outcome().name(),
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
        if (request == null || request.outcome() == null) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "outcome is required: APPROVE, DECLINE, TIMEOUT_THEN_APPROVE, TIMEOUT_THEN_DECLINE or NEVER_ANSWER.");
        }
        Faults.Outcome outcome;
        try {
            outcome = Faults.Outcome.valueOf(request.outcome().trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException unknown) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "outcome is APPROVE, DECLINE, TIMEOUT_THEN_APPROVE, TIMEOUT_THEN_DECLINE or NEVER_ANSWER.");
        }
        boolean declines = outcome == Faults.Outcome.DECLINE || outcome == Faults.Outcome.TIMEOUT_THEN_DECLINE;
        DeclineReason reason = null;
        if (request.declineReason() != null) {
            if (!declines) {
                return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                        "declineReason goes only with DECLINE or TIMEOUT_THEN_DECLINE.");
            }
            try {
                reason = DeclineReason.valueOf(request.declineReason().trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException unknown) {
                return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                        "declineReason is one of " + List.of(DeclineReason.values()) + ".");
            }
        }
        else if (declines) {
            reason = DeclineReason.GENERIC;
        }
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > MOST_CHARGES) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fault",
                    "count is 1 to " + MOST_CHARGES + ".");
        }
        BillingKeyId key = null;
        if (request.billingKey() != null) {
            try {
                key = this.vault.find(partner, BillingKeyId.of(request.billingKey().trim())).id();
            }
            catch (RegistrationRejected | IllegalArgumentException unknown) {
                return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-billing-key",
                        "billingKey is none of this partner's billing keys.");
            }
        }
        Faults.Fault fault = this.faults.arm(partner, key, outcome, reason, count);
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

    /** Settles this partner's unknown payments and refunds now. */
    @PostMapping("/v1/test/settle")
    ResponseEntity<?> settle(@RequestAttribute(JsonApi.PARTNER) PartnerId partner) {
        ResponseEntity<?> live = refusedIfLive(partner);
        if (live != null) {
            return live;
        }
        return ResponseEntity.ok(Map.of("settled", this.kit.settleNow(partner)));
    }

    private ResponseEntity<?> refusedIfLive(PartnerId partner) {
        return this.partners.isTestMode(partner.value()) ? null : JsonApiProblems.problem(HttpStatus.FORBIDDEN,
                "live-partner", "Test controls are for test-mode partners only.");
    }

}
