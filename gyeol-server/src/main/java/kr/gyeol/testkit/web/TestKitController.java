package kr.gyeol.testkit.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

import kr.gyeol.testkit.TestKit;
import kr.gyeol.testkit.TestKitProperties;
import kr.gyeol.web.JsonApi;
import kr.gyeol.web.JsonApiProblems;
import kr.gyeol.webhook.WebhookFormat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The test kit's API: {@code POST /v1/test-kit/partners} makes a throw-away test-mode
 * partner, with the operator's test-kit key as a bearer token (not a partner's Basic
 * credentials: the partner does not exist yet).
 */
@RestController
@JsonApi
class TestKitController {

    private final TestKit kit;

    private final TestKitProperties properties;

    TestKitController(TestKit kit, TestKitProperties properties) {
        this.kit = kit;
        this.properties = properties;
    }

    /**
     * What a test asks for.
     *
     * @param domains where the partner's pages are served from; none: localhost
     * @param webhookUrl where its payment events go, or null for none
     * @param revocationUrl where its billing-key revocations go, or null
     * @param webhookFormat {@code JSON} (the default) or {@code FORM}
     */
    record NewTestPartner(List<String> domains, String webhookUrl, String revocationUrl, String webhookFormat) {
    }

    /**
     * A test partner's credentials, shown once.
     *
     * @param custKey the partner key ({@code custKey}, {@code PCD_CUST_KEY})
     * @param webhookSecret the secret its webhooks are signed with, or null without a
     * receiver
     * @param gpayServiceId its {@code service_id} on the overseas API (its
     * {@code service_key} is the custKey)
     */
    record TestPartnerView(String cstId, String custKey, String clientKey, String refundKey, List<String> domains,
            String webhookUrl, String revocationUrl, String webhookFormat, String webhookSecret, String gpayServiceId) {
    }

    @PostMapping("/v1/test-kit/partners")
    ResponseEntity<?> create(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody(required = false) NewTestPartner request) {
        if (!this.properties.enabled()) {
            return JsonApiProblems.problem(HttpStatus.NOT_FOUND, "test-kit-off",
                    "The test kit is off on this gateway: set gyeol.test-kit.key to turn it on.");
        }
        if (!bearerMatches(authorization)) {
            return JsonApiProblems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Authorization: Bearer with the gateway's test-kit key (gyeol.test-kit.key) is required.");
        }
        NewTestPartner asked = request != null ? request : new NewTestPartner(null, null, null, null);
        WebhookFormat format;
        try {
            format = asked.webhookFormat() == null || asked.webhookFormat().isBlank() ? WebhookFormat.JSON
                    : WebhookFormat.valueOf(asked.webhookFormat().trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException unknown) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-webhook-format",
                    "webhookFormat is JSON or FORM.");
        }
        if (asked.domains() != null && asked.domains()
            .stream()
            .anyMatch(
                    (domain) -> domain == null || domain.isBlank() || domain.contains(",") || domain.length() > 253)) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-domains",
                    "domains are host names, without commas.");
        }
        boolean receiver = asked.webhookUrl() != null && !asked.webhookUrl().isBlank();
        TestKit.TestPartner made;
        try {
            made = this.kit.createPartner(asked.domains(), receiver
                    ? new TestKit.Receiver(asked.webhookUrl().trim(), blankToNull(asked.revocationUrl()), format)
                    : null);
        }
        catch (TestKit.ReceiverRefused refused) {
            return JsonApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-webhook-url",
                    "The receiver cannot be used: " + refused.getMessage() + ".");
        }
        TestPartnerView view = new TestPartnerView(made.credentials().id().value(), made.credentials().secret(),
                made.credentials().clientKey(), made.credentials().refundKey(), made.credentials().domains(),
                made.webhook().map((endpoint) -> endpoint.resultUrl()).orElse(null),
                made.webhook().map((endpoint) -> endpoint.revocationUrl()).orElse(null),
                made.webhook().map((endpoint) -> endpoint.format().name()).orElse(null),
                made.webhook().map((endpoint) -> endpoint.secret()).orElse(null), made.gpayServiceId());
        return ResponseEntity.created(URI.create("/v1/test-kit/partners/" + view.cstId())).body(view);
    }

    private boolean bearerMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, this.properties.key().getBytes(StandardCharsets.UTF_8));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
