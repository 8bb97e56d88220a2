package kr.gyeol.console.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.network.simulator.Faults;
import kr.gyeol.partner.PartnerMode;
import kr.gyeol.vault.Vault;
import kr.gyeol.webhook.WebhookEndpoint;
import kr.gyeol.webhook.WebhookEndpoints;
import kr.gyeol.webhook.WebhookFaults;
import kr.gyeol.webhook.WebhookFormat;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.PartnerProperties;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import static kr.gyeol.console.web.ConsolePages.blankToNull;
import static kr.gyeol.console.web.ConsolePages.label;
import static kr.gyeol.console.web.ConsolePages.options;
import static kr.gyeol.console.web.ConsolePages.page;
import static kr.gyeol.console.web.ConsolePages.parse;
import static kr.gyeol.console.web.ConsolePages.session;
import static kr.gyeol.console.web.ConsolePages.text;
import static kr.gyeol.console.web.ConsolePages.time;

/**
 * The partner's settings: its configuration as it stands, the webhook receivers, and the
 * rotations of its key and signing secret.
 */
@Controller
class SettingsPages {

    private final PartnerAuthentication partners;

    private final PartnerProperties configured;

    private final WebhookEndpoints endpoints;

    private final Faults faults;

    private final WebhookFaults webhookFaults;

    SettingsPages(PartnerAuthentication partners, PartnerProperties configured, WebhookEndpoints endpoints,
            Faults faults, WebhookFaults webhookFaults) {
        this.partners = partners;
        this.configured = configured;
        this.endpoints = endpoints;
        this.faults = faults;
        this.webhookFaults = webhookFaults;
    }

    /** A fault a test armed for this partner, as the settings page lists it. */
    record FaultRow(String operation, String outcome, String billingKey, String declineReason, String remaining,
            String armedAt) {
    }

    /** A webhook fault a test armed for this partner, as the settings page lists it. */
    record WebhookFaultRow(String kind, String eventType, String failures, String delay, String remaining,
            String armedAt) {
    }

    @GetMapping("/console/settings")
    ModelAndView settings(HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "settings");
        this.partners.partner(session.partnerId()).ifPresent((partner) -> {
            model.put("mode", label(model, "partnerMode", partner.mode()));
            model.put("refererCheck", partner.refererCheck().name());
            model.put("clientKey", partner.clientKey());
            model.put("domains", partner.domains());
            model.put("previousKeyAccepted", partner.previousSecretHash() != null);
            if (partner.mode() == PartnerMode.TEST) {
                // The faults its tests armed on the simulated network (/v1/test/faults).
                List<FaultRow> armed = this.faults.armed(session.partnerId())
                    .stream()
                    .map((fault) -> new FaultRow(label(model, "faultOperation", fault.operation()),
                            fault.outcome().name(),
                            fault.billingKeyId() != null ? Vault.masked(fault.billingKeyId())
                                    : fault.cardMasked() != null ? fault.cardMasked() : text(model, "faultAnyKey"),
                            fault.declineReason() == null ? "" : label(model, "declineReason", fault.declineReason()),
                            fault.remaining() + " / " + fault.armed(), time(fault.armedAt())))
                    .toList();
                List<WebhookFaultRow> webhookFaults = this.webhookFaults.armed(session.partnerId())
                    .stream()
                    .map((fault) -> new WebhookFaultRow(fault.kind().name(),
                            fault.eventType() == null ? text(model, "faultAnyEvent")
                                    : label(model, "event", fault.eventType()),
                            fault.failures() == null ? "" : Integer.toString(fault.failures()),
                            fault.delay() == null ? "" : fault.delay().toMillis() + " ms",
                            fault.remaining() + " / " + fault.armed(), time(fault.armedAt())))
                    .toList();
                model.put("testMode", true);
                model.put("faults", armed);
                model.put("webhookFaults", webhookFaults);
                model.put("hasFaults", !armed.isEmpty());
                model.put("hasWebhookFaults", !webhookFaults.isEmpty());
                model.put("noFaults", armed.isEmpty() && webhookFaults.isEmpty());
            }
        });
        model.put("allowedIps",
                this.configured.partners()
                    .stream()
                    .filter((entry) -> session.partnerId().value().equals(entry.id()))
                    .flatMap((entry) -> entry.gpayAllowedIps().stream())
                    .toList());
        Optional<WebhookEndpoint> endpoint = this.endpoints.find(session.partnerId());
        model.put("resultUrl", endpoint.map(WebhookEndpoint::resultUrl).orElse(null));
        model.put("revocationUrl", endpoint.map(WebhookEndpoint::revocationUrl).orElse(null));
        WebhookFormat format = endpoint.map(WebhookEndpoint::format).orElse(WebhookFormat.JSON);
        model.put("formats", options(WebhookFormat.values(), format));
        model.put("previousSigns", endpoint.map((found) -> found.previousSecret() != null).orElse(false));
        return new ModelAndView("console/settings", model);
    }

    /** Disarms every fault the partner's tests armed, on the network and on webhooks. */
    @PostMapping("/console/settings/faults/disarm")
    ModelAndView disarmFaults(HttpServletRequest request) {
        this.faults.disarm(session(request).partnerId());
        this.webhookFaults.disarm(session(request).partnerId());
        return new ModelAndView("redirect:/console/settings?done=saved");
    }

    @PostMapping("/console/settings/webhooks")
    ModelAndView saveWebhooks(@RequestParam(required = false) String resultUrl,
            @RequestParam(required = false) String revocationUrl, @RequestParam(required = false) String format,
            HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        String failure = null;
        WebhookFormat chosen = parse(WebhookFormat.class, format);
        Optional<String> refused = this.endpoints.refusal(session.partnerId(), resultUrl, revocationUrl);
        if (chosen == null) {
            failure = "format is JSON or FORM";
        }
        else if (refused.isPresent()) {
            failure = refused.get();
        }
        else {
            try {
                this.endpoints.configure(session.partnerId(), blankToNull(resultUrl), blankToNull(revocationUrl),
                        chosen, null);
            }
            catch (IllegalArgumentException invalid) {
                failure = invalid.getMessage();
            }
        }
        if (failure == null) {
            return new ModelAndView("redirect:/console/settings?done=saved");
        }
        ModelAndView page = settings(request, response);
        page.addObject("error", failure);
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page;
    }

    /**
     * A new partner key (custKey), shown once on the page that answers the rotation; the
     * old key is still accepted for the chosen overlap.
     */
    @PostMapping("/console/settings/key")
    ModelAndView rotateKey(@RequestParam(required = false) String overlap, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        String key = this.partners.rotateSecret(session.partnerId(), overlap(overlap))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ModelAndView page = settings(request, response);
        page.addObject("newKey", key);
        return page;
    }

    /**
     * The overlap a rotation form chose: none, an hour, a day (the default) or a week.
     */
    private static Duration overlap(String chosen) {
        return switch (chosen == null ? "" : chosen) {
            case "0" -> Duration.ZERO;
            case "1h" -> Duration.ofHours(1);
            case "7d" -> Duration.ofDays(7);
            default -> Duration.ofDays(1);
        };
    }

    /** A new signing secret, shown once on the page that answers the rotation. */
    @PostMapping("/console/settings/webhooks/secret")
    ModelAndView rotateSecret(@RequestParam(required = false) String overlap, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        WebhookEndpoint rotated = this.endpoints.rotateSecret(session.partnerId(), overlap(overlap));
        ModelAndView page = settings(request, response);
        page.addObject("newSecret", rotated.secret());
        return page;
    }

}
