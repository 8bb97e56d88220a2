package kr.gyeol.window;

import java.util.Optional;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.BillingKeyStatus;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.vault.PaymentPasswords;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;

import org.springframework.stereotype.Service;

/**
 * The password window of Payple's simple pay: a key registered with a payment password is
 * charged again once the customer types it.
 */
@Service
public class PasswordWindows {

    private final WindowRuns runs;

    private final Vault vault;

    private final PaymentPasswords passwords;

    PasswordWindows(WindowRuns runs, Vault vault, PaymentPasswords passwords) {
        this.runs = runs;
        this.vault = vault;
        this.passwords = passwords;
    }

    /**
     * Why a password re-payment window cannot be opened for a key, or empty when it can.
     */
    public Optional<WindowOutcome.Reason> refusal(PartnerId partnerId, BillingKeyId keyId, InstrumentType instrument) {
        BillingKey key;
        try {
            key = this.vault.find(partnerId, keyId);
        }
        catch (RegistrationRejected ex) {
            return Optional.of(WindowOutcome.Reason.KEY_NOT_FOUND);
        }
        if (key.status() != BillingKeyStatus.ACTIVE) {
            return Optional.of(WindowOutcome.Reason.KEY_REVOKED);
        }
        if (key.type() != instrument) {
            return Optional.of(WindowOutcome.Reason.KEY_OF_OTHER_TYPE);
        }
        return switch (this.passwords.state(partnerId, keyId)) {
            case ACCEPTED -> Optional.empty();
            case LOCKED -> Optional.of(WindowOutcome.Reason.PASSWORD_LOCKED);
            case NOT_SET, WRONG -> Optional.of(WindowOutcome.Reason.PASSWORD_NOT_SET);
        };
    }

    /** The key a password re-payment window charges. */
    public BillingKey key(WindowSession session) {
        return this.vault.find(session.partnerId(), BillingKeyId.of(session.request().passwordKeyId()));
    }

    /**
     * The customer typed the payment password: a wrong one leaves the window open with
     * fewer tries; the right one charges the key (PAY) or readies the confirmation
     * (CERT), once.
     */
    public WindowOutcome pay(String id, String password) {
        WindowSession open = this.runs.findOpen(id).orElse(null);
        if (open == null || !open.request().passwordPayment()) {
            return this.runs.notOpen(id);
        }
        PaymentPasswords.Result check = this.passwords.check(open.partnerId(),
                BillingKeyId.of(open.request().passwordKeyId()), password);
        if (check.check() == PaymentPasswords.Check.WRONG) {
            return new WindowOutcome.WrongPassword(check.triesLeft());
        }
        return this.runs.once(id, (session) -> switch (check.check()) {
            case ACCEPTED -> this.runs.withKey(session, key(session));
            case LOCKED -> new WindowOutcome.Refused(WindowOutcome.Reason.PASSWORD_LOCKED, null, null);
            case NOT_SET, WRONG -> new WindowOutcome.Refused(WindowOutcome.Reason.KEY_REVOKED, null, null);
        });
    }

}
