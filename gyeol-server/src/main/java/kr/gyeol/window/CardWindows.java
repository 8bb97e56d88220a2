package kr.gyeol.window;

import java.util.Optional;

import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.CardRegistration;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;

import org.springframework.stereotype.Service;

/** The card window: the customer types a card, which is registered and then used. */
@Service
public class CardWindows {

    private final WindowRuns runs;

    private final Vault vault;

    CardWindows(WindowRuns runs, Vault vault) {
        this.runs = runs;
        this.vault = vault;
    }

    /**
     * What the customer mistyped, before anything is claimed or asked; empty when
     * nothing.
     */
    public Optional<RegistrationRejected.Reason> typingMistake(CardRegistration card) {
        return this.vault.typingMistake(card);
    }

    /**
     * The customer submitted a card. The window is claimed once, so a double submit never
     * registers or charges twice.
     */
    public WindowOutcome submit(String id, CardRegistration card, String password) {
        return this.runs.once(id, (session) -> {
            BillingKey key;
            try {
                key = this.vault.registerCard(session.partnerId(), card);
                this.runs.setPassword(session, key, password);
            }
            catch (RegistrationRejected ex) {
                return new WindowOutcome.Refused(switch (ex.reason()) {
                    case INVALID_BIRTH_DATE -> WindowOutcome.Reason.INVALID_BIRTH_DATE;
                    case INVALID_EXPIRY -> WindowOutcome.Reason.INVALID_EXPIRY;
                    case INVALID_PIN -> WindowOutcome.Reason.INVALID_PIN;
                    case CARD_NOT_VERIFIED -> WindowOutcome.Reason.CARD_NOT_VERIFIED;
                    default -> WindowOutcome.Reason.INVALID_CARD_NUMBER;
                }, ex.institutionCode(), ex.institutionMessage());
            }
            return this.runs.withKey(session, key);
        });
    }

}
