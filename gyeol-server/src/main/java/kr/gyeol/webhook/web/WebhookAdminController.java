package kr.gyeol.webhook.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kr.gyeol.shared.WebhookEventId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.web.JsonApi;
import kr.gyeol.web.JsonApiProblems;
import kr.gyeol.webhook.WebhookEndpoint;
import kr.gyeol.webhook.WebhookEndpoints;
import kr.gyeol.webhook.WebhookFormat;
import kr.gyeol.webhook.WebhookLog;
import kr.gyeol.webhook.WebhookStatus;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gyeol's webhook admin API, JSON over HTTP: a partner authenticates with HTTP Basic
 * ({@code cst_id:custKey}) and sees and changes only its own receivers, secret, delivery
 * log and replays.
 */
@RestController
@JsonApi
@RequestMapping("/admin/webhooks")
class WebhookAdminController {

    /** The receivers a partner sets. */
    record Settings(String resultUrl, String revocationUrl, String format) {
    }

    private final WebhookEndpoints endpoints;

    private final WebhookLog log;

    WebhookAdminController(WebhookEndpoints endpoints, WebhookLog log) {
        this.endpoints = endpoints;
        this.log = log;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> settings(@RequestAttribute(JsonApi.PARTNER) PartnerId partner) {
        return ResponseEntity.ok(this.endpoints.find(partner)
            .map(WebhookAdminController::view)
            .orElseGet(() -> view(new WebhookEndpoint(partner, null, null, WebhookFormat.JSON, null))));
    }

    @PutMapping
    ResponseEntity<?> configure(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @RequestBody Settings settings) {
        WebhookFormat format;
        try {
            format = settings.format() == null ? WebhookFormat.JSON
                    : WebhookFormat.valueOf(settings.format().trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return badRequest("format is JSON or FORM");
        }
        java.util.Optional<String> refused = this.endpoints.refusal(partner, settings.resultUrl(),
                settings.revocationUrl());
        if (refused.isPresent()) {
            return badRequest(refused.get());
        }
        try {
            return ResponseEntity.ok(view(
                    this.endpoints.configure(partner, settings.resultUrl(), settings.revocationUrl(), format, null)));
        }
        catch (IllegalArgumentException ex) {
            return badRequest(ex.getMessage());
        }
    }

    /**
     * A new signing secret; the old one signs beside it for {@code overlap} ({@code 0}
     * retires it at once; by default {@code gyeol.webhooks.secret-overlap}).
     */
    @PostMapping("/secret")
    ResponseEntity<?> rotate(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestParam(required = false) String overlap) {
        if (overlap == null) {
            return ResponseEntity.ok(view(this.endpoints.rotateSecret(partner)));
        }
        Duration chosen;
        try {
            chosen = DurationStyle.detectAndParse(overlap.trim());
        }
        catch (IllegalArgumentException ex) {
            return badRequest("overlap is a duration such as 0, 1h or 7d");
        }
        if (chosen.isNegative() || chosen.compareTo(Duration.ofDays(30)) > 0) {
            return badRequest("overlap is between 0 and 30 days");
        }
        return ResponseEntity.ok(view(this.endpoints.rotateSecret(partner, chosen)));
    }

    @GetMapping("/events")
    ResponseEntity<Map<String, Object>> events(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestParam(defaultValue = "50") int limit) {
        List<Map<String, Object>> events = this.log.latest(partner, Math.max(1, Math.min(limit, 500)))
            .stream()
            .map(WebhookAdminController::view)
            .toList();
        return ResponseEntity.ok(Map.of("events", events));
    }

    @PostMapping("/events/{id}/replay")
    ResponseEntity<?> replay(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id) {
        if (!this.log.replay(partner, WebhookEventId.of(id))) {
            return JsonApiProblems.problem(HttpStatus.NOT_FOUND, "no-such-event",
                    "No event " + id + " of this partner.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
            .body(Map.of("id", id, "status", WebhookStatus.PENDING.name()));
    }

    private static Map<String, Object> view(WebhookEndpoint endpoint) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("resultUrl", endpoint.resultUrl());
        view.put("revocationUrl", endpoint.revocationUrl());
        view.put("format", endpoint.format().name());
        view.put("secret", endpoint.secret());
        // Whether a rotated secret still signs beside it (its value is not shown again).
        view.put("previousSecretSigns", endpoint.previousSecret() != null);
        return view;
    }

    private static Map<String, Object> view(WebhookLog.Entry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.event().id().value());
        view.put("type", entry.event().type().name());
        view.put("subject", entry.event().subjectId());
        view.put("status", entry.event().status().name());
        view.put("createdAt", entry.event().createdAt().toString());
        view.put("deliveredAt", entry.event().deliveredAt() == null ? null : entry.event().deliveredAt().toString());
        view.put("attempts", entry.event().attempts());
        view.put("nextAttemptAt",
                entry.event().status() == WebhookStatus.PENDING && entry.event().nextAttemptAt() != null
                        ? entry.event().nextAttemptAt().toString() : null);
        view.put("body", entry.event().body());
        view.put("deliveries", entry.attempts().stream().map((attempt) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", attempt.number());
            row.put("url", attempt.url());
            row.put("at", attempt.attemptedAt().toString());
            row.put("statusCode", attempt.statusCode());
            row.put("latencyMs", attempt.latencyMillis());
            row.put("error", attempt.error());
            row.put("delivered", attempt.delivered());
            return row;
        }).toList());
        return view;
    }

    private static ResponseEntity<?> badRequest(String message) {
        return JsonApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-settings", message);
    }

}
