package kr.gyeol.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The partner the demo shop acts as: a configured partner in test mode whose secret is
 * given in the clear (a partner configured by its hash alone cannot be acted for). Never
 * a live partner.
 *
 * @param id the partner's {@code cst_id}
 * @param secret its {@code custKey}
 * @param refundKey its refund key, or null (the demo's refunds then fail, and say so)
 * @param mode {@code test} or {@code live}; test when absent, as the gateway reads it
 * @param domains its registered domains
 */
record DemoPartner(String id, String secret, String refundKey, String mode, List<String> domains) {

    /** The partner {@code chosen} names, else the first that qualifies. */
    static Optional<DemoPartner> choose(Environment environment, String chosen) {
        List<DemoPartner> partners = Binder.get(environment)
            .bind("gyeol.partners", Bindable.listOf(DemoPartner.class))
            .orElse(List.of());
        return partners.stream()
            .filter((partner) -> partner.id() != null && partner.secret() != null && partner.testMode())
            .filter((partner) -> chosen == null || chosen.isBlank() || chosen.equals(partner.id()))
            .findFirst();
    }

    boolean testMode() {
        return this.mode == null || this.mode.trim().toLowerCase(Locale.ROOT).equals("test");
    }

    /**
     * The Referer the shop's server sends: one of the partner's domains, else localhost.
     */
    String referer() {
        String host = this.domains == null || this.domains.isEmpty() ? "localhost" : this.domains.get(0);
        return "http://" + host + "/demo";
    }

    @Override
    public String toString() {
        return "DemoPartner[id=" + this.id + ", mode=" + this.mode + "]";
    }

}
