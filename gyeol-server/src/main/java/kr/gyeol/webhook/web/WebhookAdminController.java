package kr.gyeol.webhook.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.webhook.WebhookEndpoint;
import kr.gyeol.webhook.WebhookEndpoints;
import kr.gyeol.webhook.WebhookFormat;
import kr.gyeol.webhook.WebhookLog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gyeol's webhook admin API, JSON over HTTP: a partner authenticates with HTTP Basic
 * ({@code cst_id:custKey}) and sees and changes only its own receivers, secret, delivery
 * log and replays.
 */
@RestController
@RequestMapping("/admin/webhooks")
class WebhookAdminController {

    /** The receivers a partner sets. */
    record Settings(String resultUrl, String revocationUrl, String format) {
    }

    private final PartnerAuthentication authentication;

    private final WebhookEndpoints endpoints;

    private final WebhookLog log;

    WebhookAdminController(PartnerAuthentication authentication, WebhookEndpoints endpoints, WebhookLog log) {
        this.authentication = authentication;
        this.endpoints = endpoints;
        this.log = log;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> settings(@RequestHeader(name = "Authorization", required = false) String auth) {
        String partner = partner(auth);
        if (partner == null) {
            return unauthorized();
        }
        return ResponseEntity.ok(this.endpoints.find(partner)
            .map(WebhookAdminController::view)
            .orElseGet(() -> view(new WebhookEndpoint(partner, null, null, WebhookFormat.JSON, null))));
    }

    @PutMapping
    ResponseEntity<Map<String, Object>> configure(@RequestHeader(name = "Authorization", required = false) String auth,
            @RequestBody Settings settings) {
        String partner = partner(auth);
        if (partner == null) {
            return unauthorized();
        }
        WebhookFormat format;
        try {
            format = settings.format() == null ? WebhookFormat.JSON
                    : WebhookFormat.valueOf(settings.format().trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return badRequest("format is JSON or FORM");
        }
        try {
            return ResponseEntity.ok(view(
                    this.endpoints.configure(partner, settings.resultUrl(), settings.revocationUrl(), format, null)));
        }
        catch (IllegalArgumentException ex) {
            return badRequest(ex.getMessage());
        }
    }

    @PostMapping("/secret")
    ResponseEntity<Map<String, Object>> rotate(@RequestHeader(name = "Authorization", required = false) String auth) {
        String partner = partner(auth);
        if (partner == null) {
            return unauthorized();
        }
        return ResponseEntity.ok(view(this.endpoints.rotateSecret(partner)));
    }

    @GetMapping("/events")
    ResponseEntity<Map<String, Object>> events(@RequestHeader(name = "Authorization", required = false) String auth,
            @RequestParam(defaultValue = "50") int limit) {
        String partner = partner(auth);
        if (partner == null) {
            return unauthorized();
        }
        List<Map<String, Object>> events = this.log.latest(partner, Math.max(1, Math.min(limit, 500)))
            .stream()
            .map(WebhookAdminController::view)
            .toList();
        return ResponseEntity.ok(Map.of("events", events));
    }

    @PostMapping("/events/{id}/replay")
    ResponseEntity<Map<String, Object>> replay(@RequestHeader(name = "Authorization", required = false) String auth,
            @PathVariable String id) {
        String partner = partner(auth);
        if (partner == null) {
            return unauthorized();
        }
        if (!this.log.replay(partner, id)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such event"));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id, "status", "PENDING"));
    }

    private static Map<String, Object> view(WebhookEndpoint endpoint) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("resultUrl", endpoint.resultUrl());
        view.put("revocationUrl", endpoint.revocationUrl());
        view.put("format", endpoint.format().name());
        view.put("secret", endpoint.secret());
        return view;
    }

    private static Map<String, Object> view(WebhookLog.Entry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.event().id());
        view.put("type", entry.event().type().name());
        view.put("subject", entry.event().subjectId());
        view.put("status", entry.event().status());
        view.put("createdAt", entry.event().createdAt().toString());
        view.put("deliveredAt", entry.event().deliveredAt() == null ? null : entry.event().deliveredAt().toString());
        view.put("attempts", entry.event().attempts());
        view.put("nextAttemptAt", "PENDING".equals(entry.event().status()) && entry.event().nextAttemptAt() != null
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

    /** The partner of a valid {@code Basic cst_id:custKey} header, or null. */
    private String partner(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String partner = decoded.substring(0, colon);
        return this.authentication.credentialsMatch(partner, decoded.substring(colon + 1)) ? partner : null;
    }

    private static ResponseEntity<Map<String, Object>> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
            .header("WWW-Authenticate", "Basic realm=\"gyeol\"")
            .body(Map.of("error", "HTTP Basic with the partner's cst_id and custKey is required"));
    }

    private static ResponseEntity<Map<String, Object>> badRequest(String message) {
        return ResponseEntity.badRequest().body(Map.of("error", message));
    }

}
