package kr.gyeol.webhook;

import java.util.Locale;

import kr.gyeol.partner.PartnerProperties;
import kr.gyeol.shared.PartnerId;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Applies the webhook receivers given in configuration at start, after the partners are
 * seeded. Receivers set through the admin API stay unless configuration names some.
 */
@Component
@DependsOn("partnerSeeder")
class WebhookSeeder implements InitializingBean {

    private final PartnerProperties properties;

    private final WebhookEndpoints endpoints;

    WebhookSeeder(PartnerProperties properties, WebhookEndpoints endpoints) {
        this.properties = properties;
        this.endpoints = endpoints;
    }

    @Override
    public void afterPropertiesSet() {
        for (PartnerProperties.PartnerEntry partner : this.properties.partners()) {
            PartnerProperties.WebhookEntry webhook = partner.webhook();
            if (webhook == null) {
                continue;
            }
            this.endpoints.configure(PartnerId.of(partner.id()), webhook.resultUrl(), webhook.revocationUrl(),
                    webhook.format() == null ? WebhookFormat.JSON
                            : WebhookFormat.valueOf(webhook.format().trim().toUpperCase(Locale.ROOT)),
                    webhook.secret());
        }
    }

}
