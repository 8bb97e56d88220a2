package kr.gyeol.window;

import java.time.Clock;

import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.payment.AppCardCharge;
import kr.gyeol.payment.ChargeRejected;
import kr.gyeol.payment.ChargeRequest;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.vault.Vault;
import kr.gyeol.window.jdbc.WindowRepository;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * CERT's second step (spec §3.3): the partner's server confirms what a window
 * authenticated, and only then is it charged.
 */
@Service
public class WindowConfirmations {

    private final WindowRuns runs;

    private final WindowRepository windows;

    private final Vault vault;

    private final PaymentService payments;

    private final JsonMapper json;

    private final Clock clock;

    WindowConfirmations(WindowRuns runs, WindowRepository windows, Vault vault, PaymentService payments,
            JsonMapper json, Clock clock) {
        this.runs = runs;
        this.windows = windows;
        this.vault = vault;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    /**
     * CERT final approval: charges the authenticated card or account once, within the
     * request key's lifetime.
     * @param billingKeyId the {@code PCD_PAYER_ID} the partner sent, or null
     * @throws ConfirmationRefused when the request key is unknown, used, expired, or of
     * another key, or the charge cannot be made
     */
    public Payment confirm(AuthorizedCall call, String requestKey, BillingKeyId billingKeyId) {
        if (requestKey == null || !requestKey.equals(call.context())) {
            throw new ConfirmationRefused(ConfirmationRefused.Reason.REQUEST_NOT_FOUND);
        }
        WindowRepository.ConfirmationRow confirmation = this.windows
            .claimConfirmation(requestKey, call.partnerId(), this.clock.instant())
            .orElseThrow(() -> new ConfirmationRefused(ConfirmationRefused.Reason.REQUEST_NOT_FOUND));
        if (billingKeyId != null && !billingKeyId.equals(confirmation.billingKeyId())) {
            throw new ConfirmationRefused(ConfirmationRefused.Reason.BILLING_KEY_MISMATCH);
        }
        WindowSession session = this.runs.find(confirmation.windowId()).orElseThrow();
        ChargeRequest charge;
        if (confirmation.appCard() != null) {
            charge = WindowRuns.chargeRequest(session, null, InstrumentType.CARD,
                    this.json.readValue(confirmation.appCard(), AppCardCharge.class));
        }
        else {
            BillingKey key = this.vault.find(call.partnerId(), confirmation.billingKeyId());
            charge = WindowRuns.chargeRequest(session, key.id(), key.type(), null);
        }
        Payment payment;
        try {
            payment = this.payments.charge(charge);
        }
        catch (ChargeRejected ex) {
            throw new ConfirmationRefused(ConfirmationRefused.Reason.CHARGE_REFUSED, ex.reason());
        }
        this.windows.recordConfirmedPayment(requestKey, payment.id());
        return payment;
    }

}
