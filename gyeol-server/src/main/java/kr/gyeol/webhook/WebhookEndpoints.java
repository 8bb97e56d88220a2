package kr.gyeol.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.keyring.VaultCipher;
import kr.gyeol.webhook.jdbc.WebhookRepository;

import org.springframework.stereotype.Service;

/** A partner's webhook receivers and signing secret, kept sealed at rest. */
@Service
public class WebhookEndpoints {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookEndpoints.class);

    private final WebhookRepository repository;

    private final VaultCipher cipher;

    private final Clock clock;

    private final ReceiverAddresses addresses;

    private final Duration overlap;

    WebhookEndpoints(WebhookRepository repository, VaultCipher cipher, Clock clock, ReceiverAddresses addresses,
            WebhookProperties properties) {
        this.overlap = properties.secretOverlap();
        this.addresses = addresses;
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * The partner's receivers; the secret is null when it cannot be opened (sealed under
     * a vault key this node does not have), and a new one is made at the next
     * configuration or rotation.
     */
    public Optional<WebhookEndpoint> find(PartnerId partnerId) {
        Instant now = this.clock.instant();
        long nanos = System.nanoTime();
        Opened opened = this.cache.get(partnerId);
        if (opened == null || nanos - opened.readAtNanos() > CACHE_NANOS) {
            // Read and opened at most once a second per partner: every delivery needs it.
            // A change made through this class is seen at once on this node (it evicts),
            // on other nodes within the second.
            opened = new Opened(this.repository.endpoint(partnerId).map((row) -> {
                WebhookRepository.PreviousSecret rotated = row.previous();
                return new OpenedRow(row,
                        open(partnerId, new VaultCipher.Sealed(row.secretKeyId(), row.secretCiphertext())),
                        rotated == null ? null
                                : open(partnerId, new VaultCipher.Sealed(rotated.keyId(), rotated.ciphertext())));
            }), nanos);
            this.cache.put(partnerId, opened);
        }
        return opened.row().map((found) -> {
            WebhookRepository.EndpointRow row = found.row();
            WebhookRepository.PreviousSecret rotated = row.previous();
            String previous = rotated == null || !rotated.until().isAfter(now) ? null : found.previous();
            return new WebhookEndpoint(row.partnerId(), row.resultUrl(), row.revocationUrl(), row.format(),
                    found.secret(), previous);
        });
    }

    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final java.util.Map<PartnerId, Opened> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record OpenedRow(WebhookRepository.EndpointRow row, String secret, String previous) {
    }

    private record Opened(Optional<OpenedRow> row, long readAtNanos) {
    }

    private String open(PartnerId partnerId, VaultCipher.Sealed sealed) {
        try {
            return new String(this.cipher.open(sealed, aad(partnerId)), StandardCharsets.UTF_8);
        }
        catch (RuntimeException ex) {
            log.warn("A webhook secret of partner {} cannot be opened with this node's vault keys ({})", partnerId,
                    ex.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * Sets the receivers; keeps the secret, or makes one on the first call.
     * @param secret a secret to use instead, or null
     * @throws IllegalArgumentException when a URL is not absolute http(s)
     */
    public WebhookEndpoint configure(PartnerId partnerId, String resultUrl, String revocationUrl, WebhookFormat format,
            String secret) {
        String chosen = secret != null ? secret
                : find(partnerId).map(WebhookEndpoint::secret).orElseGet(WebhookSignature::newSecret);
        if (chosen == null) {
            chosen = WebhookSignature.newSecret();
        }
        WebhookEndpoint endpoint = new WebhookEndpoint(partnerId, checked(resultUrl), checked(revocationUrl),
                format == null ? WebhookFormat.JSON : format, chosen);
        save(endpoint);
        return endpoint;
    }

    /**
     * Why these receivers may not be set for the partner (a live partner's loopback or
     * private address, say), naming the URL; empty when they may. Blank URLs are none.
     */
    public Optional<String> refusal(PartnerId partnerId, String... urls) {
        for (String url : urls) {
            if (url != null && !url.isBlank()) {
                Optional<String> refused = this.addresses.refusal(partnerId, url.trim());
                if (refused.isPresent()) {
                    return Optional.of(refused.get() + ": " + url.trim());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A new secret; the old one keeps signing beside it (every delivery carries both
     * signatures) for {@code overlap}, then signs nothing more. A zero overlap retires it
     * at once.
     */
    public WebhookEndpoint rotateSecret(PartnerId partnerId, Duration overlap) {
        Optional<WebhookEndpoint> current = find(partnerId);
        String secret = WebhookSignature.newSecret();
        if (current.isEmpty()) {
            WebhookEndpoint created = new WebhookEndpoint(partnerId, null, null, WebhookFormat.JSON, secret);
            save(created);
            return created;
        }
        Instant now = this.clock.instant();
        VaultCipher.Sealed sealed = this.cipher.seal(secret.getBytes(StandardCharsets.UTF_8), aad(partnerId));
        String old = current.get().secret();
        Instant previousUntil = old != null && overlap.isPositive() ? now.plus(overlap) : null;
        this.repository.rotateSecret(partnerId, sealed.keyId(), sealed.bytes(), previousUntil, now);
        this.cache.remove(partnerId);
        return new WebhookEndpoint(partnerId, current.get().resultUrl(), current.get().revocationUrl(),
                current.get().format(), secret, previousUntil == null ? null : old);
    }

    /**
     * A new secret, the old one signing beside it for
     * {@code gyeol.webhooks.secret-overlap}.
     */
    public WebhookEndpoint rotateSecret(PartnerId partnerId) {
        return rotateSecret(partnerId, this.overlap);
    }

    private void save(WebhookEndpoint endpoint) {
        VaultCipher.Sealed sealed = this.cipher.seal(endpoint.secret().getBytes(StandardCharsets.UTF_8),
                aad(endpoint.partnerId()));
        this.repository.saveEndpoint(new WebhookRepository.EndpointRow(endpoint.partnerId(), endpoint.resultUrl(),
                endpoint.revocationUrl(), endpoint.format(), sealed.keyId(), sealed.bytes()), this.clock.instant());
        this.cache.remove(endpoint.partnerId());
    }

    /** The associated data a partner's webhook secret is sealed with. */
    public static String aad(PartnerId partnerId) {
        return "webhook-secret:" + partnerId;
    }

    private static String checked(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Not a URL: " + url);
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("A webhook URL is an absolute http(s) URL: " + url);
        }
        return uri.toString();
    }

}
