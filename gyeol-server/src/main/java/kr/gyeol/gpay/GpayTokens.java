package kr.gyeol.gpay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import kr.gyeol.gpay.GpayRefused.Reason;
import kr.gyeol.partner.CredentialFailures;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.PartnerProperties;
import kr.gyeol.shared.ExpiringRows;
import kr.gyeol.shared.LogContext;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * gpay's bearer tokens (spec §5.1): issued for a partner's {@code service_id} and
 * {@code service_key} (its {@code custKey}) with a 10-character code, valid 600 seconds.
 * A token is sealed like an AuthKey (the partner, the code and its expiry), so issuing
 * one writes nothing; tokens issued by an older version, stored as SHA-256, are read
 * until they expire. Service ids come from configuration
 * ({@code gyeol.partners[n].gpay-service-id}), and so does a live partner's list of
 * addresses allowed to ask for tokens ({@code gpay-allowed-ips}); test partners may ask
 * from anywhere.
 */
@Service
@DependsOn("partnerSeeder")
public class GpayTokens implements InitializingBean, ExpiringRows {

    /** An issued token. */
    public record Issued(String partnerId, String code, String accessToken, boolean testMode, Duration lifetime) {
    }

    private final JdbcClient jdbc;

    private final PartnerAuthentication authentication;

    private final PartnerProperties properties;

    private final Clock clock;

    private final Duration lifetime;

    private static final String TOKEN_PURPOSE = "gpay";

    private final CredentialFailures failures;

    GpayTokens(JdbcClient jdbc, PartnerAuthentication authentication, PartnerProperties properties, Clock clock,
            CredentialFailures failures, GpayProperties gpay) {
        this.jdbc = jdbc;
        this.failures = failures;
        this.authentication = authentication;
        this.properties = properties;
        this.clock = clock;
        this.lifetime = gpay.tokenLifetime();
    }

    /** Registers the configured service ids. */
    @Override
    public void afterPropertiesSet() {
        for (PartnerProperties.PartnerEntry partner : this.properties.partners()) {
            if (partner.gpayServiceId() != null && !partner.gpayServiceId().isBlank()) {
                this.jdbc.sql("""
                        INSERT INTO gpay_services (service_id, partner_id) VALUES (:serviceId, :partnerId)
                        ON CONFLICT (partner_id) DO UPDATE SET service_id = EXCLUDED.service_id
                        """)
                    .param("serviceId", partner.gpayServiceId().trim())
                    .param("partnerId", partner.id())
                    .update();
            }
        }
    }

    /**
     * Issues a token, checking the fields in the order of the API's codes.
     * @throws GpayRefused for the first field that does not hold
     */
    public Issued issue(String serviceId, String serviceKey, String code, String callerIp) {
        if (serviceId == null || serviceId.isBlank()) {
            throw new GpayRefused(Reason.SERVICE_ID_MISSING);
        }
        if (serviceKey == null || serviceKey.isBlank()) {
            throw new GpayRefused(Reason.SERVICE_KEY_MISSING);
        }
        if (code == null || code.isBlank()) {
            throw new GpayRefused(Reason.CODE_MISSING);
        }
        if (!code.matches("[A-Za-z0-9]{10}")) {
            throw new GpayRefused(Reason.CODE_MALFORMED);
        }
        List<String> partner = this.jdbc.sql("SELECT partner_id FROM gpay_services WHERE service_id = :serviceId")
            .param("serviceId", serviceId)
            .query(String.class)
            .list();
        // The same guessing rules as every other door to a partner's key: a pair of
        // partner and address that guessed wrong too often is refused, and guesses at a
        // key under attack wait their turn.
        String claimed = partner.isEmpty() ? serviceId : partner.get(0);
        if (this.failures.lockedOut(claimed, callerIp)) {
            throw new GpayRefused(Reason.LOCKED_OUT);
        }
        if (partner.isEmpty()) {
            // A domestic partner that is not enrolled for overseas payments.
            boolean domestic = this.authentication.credentialsMatch(serviceId, serviceKey);
            if (!domestic) {
                this.failures.failed(claimed, callerIp);
            }
            throw new GpayRefused(domestic ? Reason.NOT_ENROLLED : Reason.WRONG_CREDENTIALS);
        }
        String partnerId = partner.get(0);
        if (!this.authentication.credentialsMatch(partnerId, serviceKey)) {
            this.failures.failed(partnerId, callerIp);
            throw new GpayRefused(Reason.WRONG_CREDENTIALS);
        }
        this.failures.succeeded(partnerId, callerIp);
        boolean testMode = this.authentication.isTestMode(partnerId);
        // Live partners call from the addresses they registered (spec §5, White-IP list).
        if (!testMode && !allowedIps(partnerId).contains(callerIp)) {
            throw new GpayRefused(Reason.ADDRESS_NOT_ALLOWED);
        }
        // Sealed like an AuthKey: issuing writes nothing.
        String token = this.authentication.issueBearer(PartnerId.of(partnerId), TOKEN_PURPOSE, code, this.lifetime);
        return new Issued(partnerId, code, token, testMode, this.lifetime);
    }

    /**
     * Enrols a partner for overseas payments under a service id of its own: its partner
     * id (the test kit's partners, in the caller's transaction).
     * @return the service id
     */
    public String enrol(PartnerId partnerId) {
        this.jdbc.sql("""
                INSERT INTO gpay_services (service_id, partner_id) VALUES (:serviceId, :partnerId)
                ON CONFLICT (partner_id) DO NOTHING
                """).param("serviceId", partnerId.value()).param("partnerId", partnerId.value()).update();
        return this.jdbc.sql("SELECT service_id FROM gpay_services WHERE partner_id = :partnerId")
            .param("partnerId", partnerId.value())
            .query(String.class)
            .single();
    }

    /**
     * The partner a bearer token speaks for, when it was issued for {@code serviceId}.
     * @param authorization the {@code Authorization} header, with or without
     * {@code Bearer }
     * @throws GpayRefused for a missing, unknown or expired token, or a token of another
     * service id
     */
    public PartnerId authorize(String authorization, String serviceId) {
        if (authorization == null || authorization.isBlank()) {
            throw new GpayRefused(Reason.TOKEN_INVALID);
        }
        String token = authorization.trim().regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.trim().substring(7).trim() : authorization.trim();
        List<String> partner = this.authentication.readBearer(token, TOKEN_PURPOSE)
            .map(bearer -> List.of(bearer.partnerId().value()))
            .orElseGet(() -> storedToken(token));
        if (partner.isEmpty()) {
            throw new GpayRefused(Reason.TOKEN_INVALID);
        }
        boolean sameService = !this.jdbc.sql("""
                SELECT 1 FROM gpay_services s JOIN partners p ON p.id = s.partner_id
                WHERE s.service_id = :serviceId AND s.partner_id = :partnerId AND p.disabled_at IS NULL
                """)
            .param("serviceId", serviceId)
            .param("partnerId", partner.get(0))
            .query(Integer.class)
            .list()
            .isEmpty();
        if (!sameService) {
            throw new GpayRefused(Reason.OTHER_SERVICE);
        }
        PartnerId partnerId = PartnerId.of(partner.get(0));
        LogContext.partner(partnerId);
        return partnerId;
    }

    /**
     * The partner of a token issued before tokens were sealed, still in
     * {@code gpay_tokens} until it expires (a rolling upgrade).
     */
    private List<String> storedToken(String token) {
        return this.jdbc.sql("""
                SELECT partner_id FROM gpay_tokens WHERE token_hash = :hash AND expires_at > :now
                """)
            .param("hash", Tokens.sha256(token))
            .param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
            .query(String.class)
            .list();
    }

    private List<String> allowedIps(String partnerId) {
        return this.properties.partners()
            .stream()
            .filter((partner) -> partner.id().equals(partnerId))
            .flatMap((partner) -> partner.gpayAllowedIps().stream())
            .map(String::trim)
            .toList();
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return this.jdbc.sql("DELETE FROM gpay_tokens WHERE expires_at < :cutoff")
            .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
            .update();
    }

}
