package kr.gyeol.vault;

import java.time.Clock;
import java.time.Duration;

import kr.gyeol.vault.jdbc.BillingKeyRepository;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes account registrations a day after their ARS step expired, so no encrypted
 * account number outlives its use; any node may do it, the DELETE is idempotent.
 */
@Component
class RegistrationJanitor {

    static final Duration RETENTION = Duration.ofDays(1);

    private final BillingKeyRepository keys;

    private final Clock clock;

    RegistrationJanitor(BillingKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gyeol.vault.janitor-interval:1h}", initialDelayString = "5m")
    int deleteExpiredRegistrations() {
        return this.keys.deleteAccountRegistrationsExpiredBefore(this.clock.instant().minus(RETENTION));
    }

}
