package kr.gyeol.partner;

import kr.gyeol.partner.jdbc.PartnerRepository;

/** Runs the partner seeder, as a start does, for tests outside its package. */
public final class PartnerSeederAccess {

    private final PartnerSeeder seeder;

    public PartnerSeederAccess(PartnerProperties properties, PartnerRepository partners) {
        this.seeder = new PartnerSeeder(properties, partners);
    }

    public void run() {
        this.seeder.afterPropertiesSet();
    }

}
