package kr.gyeol.partner;

import java.util.List;
import java.util.Objects;
import kr.gyeol.partner.jdbc.PartnerRepository;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Writes the configured partners to the database at start-up, after the migrations and
 * before the server takes requests. Several nodes doing this at once is harmless: each
 * row is one upsert.
 */
@Component
@DependsOnDatabaseInitialization
class PartnerSeeder implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PartnerSeeder.class);

    private final PartnerProperties properties;

    private final PartnerRepository partners;

    PartnerSeeder(PartnerProperties properties, PartnerRepository partners) {
        this.properties = properties;
        this.partners = partners;
    }

    @Override
    public void afterPropertiesSet() {
        for (PartnerProperties.PartnerEntry entry : properties.partners()) {
            Objects.requireNonNull(entry.id(), "gyeol.partners[].id is required");
            Partner partner = new Partner(PartnerId.of(entry.id()),
                    hashed(entry.secretHash(), entry.secret(), entry.id(), "secret"),
                    hashed(entry.refundKeyHash(), entry.refundKey(), entry.id(), "refund-key"), entry.clientKey(),
                    entry.mode(), entry.refererCheck(), entry.domains());
            // A key rotated in the console outlives a restart while the configured key is
            // the one the configuration set before; a new configured key replaces it.
            boolean replaceKey = partners.configuredSecretHash(entry.id())
                .map((configured) -> entry.secretHash() != null && !entry.secretHash().isBlank()
                        ? !entry.secretHash().equals(configured)
                        : configured == null || !Tokens.matchesSecret(configured, entry.secret()))
                .orElse(true);
            partners.upsert(partner, replaceKey);
            log.info("Partner {} is configured ({} mode, {} Referer check)", partner.id(), partner.mode(),
                    partner.refererCheck());
        }
        // A partner no longer configured stops working; its payments, keys and events
        // stay.
        List<String> disabled = partners
            .disableAllBut(properties.partners().stream().map(PartnerProperties.PartnerEntry::id).toList());
        for (String id : disabled) {
            log.warn("Partner {} is no longer in gyeol.partners: disabled (it authenticates nowhere and its"
                    + " subscriptions are not renewed), its data kept; configure it again to restore it", id);
        }
    }

    private static String hashed(String hash, String clear, String partnerId, String what) {
        if (hash != null && !hash.isBlank()) {
            return hash;
        }
        if (clear == null || clear.isBlank()) {
            throw new IllegalStateException("Partner " + partnerId + " needs a " + what + " or a " + what + "-hash");
        }
        return Tokens.hashSecret(clear);
    }

}
