package kr.gyeol.window;

import java.time.Clock;
import java.util.Optional;

import kr.gyeol.vault.AccountRegistration;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.PendingAccountRegistration;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;
import kr.gyeol.window.jdbc.WindowRepository;

import org.springframework.stereotype.Service;

/**
 * The bank-account window: the bank checks the account and places an ARS call; once the
 * customer keyed its number, the account is registered and then used.
 */
@Service
public class AccountWindows {

    private final WindowRuns runs;

    private final WindowRepository windows;

    private final Vault vault;

    private final Clock clock;

    AccountWindows(WindowRuns runs, WindowRepository windows, Vault vault, Clock clock) {
        this.runs = runs;
        this.windows = windows;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * A bank account was entered: the bank is asked and the ARS call placed; the window
     * stays open until the customer has keyed the number.
     * @return the pending registration, or empty when the window is no longer open
     * @throws RegistrationRejected when the bank refuses the account
     */
    public Optional<PendingAccountRegistration> start(String id, AccountRegistration account) {
        Optional<WindowSession> session = this.runs.findOpen(id);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        PendingAccountRegistration pending = this.vault.startAccountRegistration(session.get().partnerId(), account);
        if (!this.windows.attachAccountRegistration(id, pending.id(), this.clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /** The account registration a window waits on, to show its ARS step again. */
    public Optional<PendingAccountRegistration> pending(WindowSession session) {
        return this.windows.accountRegistration(session.id())
            .flatMap((registration) -> this.vault.pendingAccount(session.partnerId(), registration));
    }

    /**
     * The customer keyed the ARS number: registers the account, then does the window's
     * work.
     */
    public WindowOutcome confirm(String id, String keyedNumber, String password) {
        Optional<String> registration = this.windows.accountRegistration(id);
        if (registration.isEmpty()) {
            return this.runs.notOpen(id);
        }
        // A wrong number may be keyed again while tries are left, as with a password.
        Optional<WindowSession> open = this.runs.findOpen(id);
        if (open.isPresent()) {
            int triesLeft = this.vault.wrongArsNumber(open.get().partnerId(), registration.get(), keyedNumber)
                .orElse(-1);
            if (triesLeft > 0) {
                return new WindowOutcome.WrongArsNumber(triesLeft);
            }
        }
        return this.runs.once(id, (session) -> {
            BillingKey key;
            try {
                key = this.vault.confirmAccountRegistration(session.partnerId(), registration.get(), keyedNumber,
                        keyedNumber);
                this.runs.setPassword(session, key, password);
            }
            catch (RegistrationRejected ex) {
                return new WindowOutcome.Refused(ex.reason() == RegistrationRejected.Reason.CONFIRMATION_MISMATCH
                        ? WindowOutcome.Reason.ARS_MISMATCH : WindowOutcome.Reason.SESSION_EXPIRED, null, null);
            }
            return this.runs.withKey(session, key);
        });
    }

}
