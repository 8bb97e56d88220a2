package kr.gyeol.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.IssuedSession;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.payment.ChargeRejected;
import kr.gyeol.payment.ChargeRequest;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.shared.Tokens;
import kr.gyeol.vault.AccountRegistration;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.CardRegistration;
import kr.gyeol.vault.PendingAccountRegistration;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;
import kr.gyeol.window.jdbc.WindowRepository;
import kr.gyeol.window.jdbc.WindowRepository.WindowRow;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs the payment window: opens a session for an authorized partner request, registers
 * the card the customer types, charges it at once (PAY) or on the partner's confirmation
 * (CERT).
 */
@Service
public class WindowService {

    private final WindowRepository windows;

    private final Vault vault;

    private final PaymentService payments;

    private final PartnerAuthentication authentication;

    private final Clock clock;

    private final JsonMapper json;

    private final Duration lifetime;

    WindowService(WindowRepository windows, Vault vault, PaymentService payments, PartnerAuthentication authentication,
            Clock clock, JsonMapper json, @Value("${gyeol.auth.session-lifetime:30m}") Duration lifetime) {
        this.windows = windows;
        this.vault = vault;
        this.payments = payments;
        this.authentication = authentication;
        this.clock = clock;
        this.json = json;
        this.lifetime = lifetime;
    }

    /** Opens a window for a request whose AuthKey was just consumed. */
    public WindowSession open(AuthorizedCall call, WindowRequest request) {
        Instant now = this.clock.instant();
        String id = Tokens.urlSafe(18);
        Instant expiresAt = now.plus(this.lifetime);
        this.windows.insert(id, call.partnerId(), this.json.writeValueAsString(request), now, expiresAt);
        return new WindowSession(id, call.partnerId(), request, expiresAt);
    }

    /** An open window, for rendering its form again. */
    public Optional<WindowSession> findOpen(String id) {
        return this.windows.findOpen(id, this.clock.instant()).map(this::session);
    }

    /** The request a window was opened with, whatever became of it. */
    public Optional<WindowSession> find(String id) {
        return this.windows.find(id).map(this::session);
    }

    /** The customer closed the window; false when it was no longer open. */
    public boolean close(String id) {
        return this.windows.close(id);
    }

    /**
     * The customer submitted a card. The window is claimed once, so a double submit never
     * registers or charges twice.
     */
    public WindowOutcome submitCard(String id, CardRegistration card, String refererHost) {
        Instant now = this.clock.instant();
        Optional<WindowRow> claimed = this.windows.claim(id, now);
        if (claimed.isEmpty()) {
            return new WindowOutcome.Refused(this.windows.find(id).isPresent() ? WindowOutcome.Reason.ALREADY_PROCESSED
                    : WindowOutcome.Reason.SESSION_EXPIRED, null, null);
        }
        WindowSession session = session(claimed.get());
        try {
            return run(session, card, refererHost);
        }
        finally {
            this.windows.complete(id);
        }
    }

    private WindowOutcome run(WindowSession session, CardRegistration card, String refererHost) {
        BillingKey key;
        try {
            key = this.vault.registerCard(session.partnerId(), card);
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
        return afterRegistration(session, key, refererHost);
    }

    /** What AUTH, PAY and CERT each do with the newly registered key. */
    private WindowOutcome afterRegistration(WindowSession session, BillingKey key, String refererHost) {
        return switch (session.request().work()) {
            case AUTH -> new WindowOutcome.Registered(key);
            case PAY -> {
                try {
                    yield new WindowOutcome.Charged(key, this.payments.charge(chargeRequest(session, key)));
                }
                catch (ChargeRejected ex) {
                    yield refused(ex);
                }
            }
            case CERT -> {
                String requestKey = Tokens.base64(24);
                Instant now = this.clock.instant();
                this.windows.insertConfirmation(requestKey, session.partnerId(), session.id(), key.id(), now,
                        now.plus(this.lifetime));
                IssuedSession confirmation = this.authentication.issueFollowUp(session.partnerId(), refererHost,
                        Operation.PAYMENT_CONFIRM, requestKey);
                yield new WindowOutcome.AwaitingConfirmation(key, requestKey, confirmation);
            }
        };
    }

    /**
     * A bank account was entered: the bank is asked and the ARS call placed; the window
     * stays open until the customer has keyed the number.
     * @return the pending registration, or empty when the window is no longer open
     * @throws RegistrationRejected when the bank refuses the account
     */
    public Optional<PendingAccountRegistration> startAccount(String id, AccountRegistration account) {
        Optional<WindowSession> session = findOpen(id);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        PendingAccountRegistration pending = this.vault.startAccountRegistration(session.get().partnerId(), account);
        if (!this.windows.attachAccountRegistration(id, pending.id(), this.clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /**
     * The customer keyed the ARS number: registers the account, then does the window's
     * work.
     */
    public WindowOutcome confirmAccount(String id, String keyedNumber, String refererHost) {
        Optional<String> registration = this.windows.accountRegistration(id);
        Optional<WindowRow> claimed = registration.isEmpty() ? Optional.empty()
                : this.windows.claim(id, this.clock.instant());
        if (claimed.isEmpty()) {
            return new WindowOutcome.Refused(this.windows.find(id).isPresent() ? WindowOutcome.Reason.ALREADY_PROCESSED
                    : WindowOutcome.Reason.SESSION_EXPIRED, null, null);
        }
        WindowSession session = session(claimed.get());
        try {
            BillingKey key;
            try {
                key = this.vault.confirmAccountRegistration(session.partnerId(), registration.get(), keyedNumber,
                        keyedNumber);
            }
            catch (RegistrationRejected ex) {
                return new WindowOutcome.Refused(ex.reason() == RegistrationRejected.Reason.CONFIRMATION_MISMATCH
                        ? WindowOutcome.Reason.ARS_MISMATCH : WindowOutcome.Reason.SESSION_EXPIRED, null, null);
            }
            return afterRegistration(session, key, refererHost);
        }
        finally {
            this.windows.complete(id);
        }
    }

    /**
     * CERT final approval: charges the authenticated card once, within the request key's
     * lifetime.
     * @param billingKeyId the {@code PCD_PAYER_ID} the partner sent, or null
     * @throws ConfirmationRefused when the request key is unknown, used, expired, or of
     * another card, or the charge cannot be made
     */
    public Payment confirm(AuthorizedCall call, String requestKey, String billingKeyId) {
        if (requestKey == null || !requestKey.equals(call.context())) {
            throw new ConfirmationRefused(ConfirmationRefused.Reason.REQUEST_NOT_FOUND);
        }
        WindowRepository.ConfirmationRow confirmation = this.windows
            .claimConfirmation(requestKey, call.partnerId(), this.clock.instant())
            .orElseThrow(() -> new ConfirmationRefused(ConfirmationRefused.Reason.REQUEST_NOT_FOUND));
        if (billingKeyId != null && !billingKeyId.equals(confirmation.billingKeyId())) {
            throw new ConfirmationRefused(ConfirmationRefused.Reason.BILLING_KEY_MISMATCH);
        }
        WindowSession session = this.windows.find(confirmation.windowId()).map(this::session).orElseThrow();
        BillingKey key = this.vault.find(call.partnerId(), confirmation.billingKeyId());
        Payment payment;
        try {
            payment = this.payments.charge(chargeRequest(session, key));
        }
        catch (ChargeRejected ex) {
            throw new ConfirmationRefused(ConfirmationRefused.Reason.CHARGE_REFUSED, ex.reason());
        }
        this.windows.recordConfirmedPayment(requestKey, payment.id());
        return payment;
    }

    private static ChargeRequest chargeRequest(WindowSession session, BillingKey key) {
        WindowRequest request = session.request();
        return new ChargeRequest(session.partnerId(), key.id(), key.type(), request.orderId(),
                request.amount() == null ? 0 : request.amount(), request.vat(), request.taxable(), request.goods(),
                request.payer(), request.userDefine1(), request.userDefine2(), request.billingPeriod(), false, null);
    }

    private static WindowOutcome refused(ChargeRejected rejection) {
        return new WindowOutcome.Refused(switch (rejection.reason()) {
            case DUPLICATE_ORDER_ID -> WindowOutcome.Reason.DUPLICATE_ORDER_ID;
            case ALREADY_CHARGED_THIS_MONTH -> WindowOutcome.Reason.ALREADY_CHARGED_THIS_MONTH;
            case AMOUNT_BELOW_MINIMUM -> WindowOutcome.Reason.AMOUNT_BELOW_MINIMUM;
            case GOODS_MISSING -> WindowOutcome.Reason.GOODS_MISSING;
            case VAT_ABOVE_AMOUNT -> WindowOutcome.Reason.INVALID_VAT;
            case BILLING_KEY_NOT_FOUND, BILLING_KEY_REVOKED, BILLING_KEY_OF_OTHER_TYPE ->
                WindowOutcome.Reason.CARD_NOT_VERIFIED;
        }, null, null);
    }

    private WindowSession session(WindowRow row) {
        return new WindowSession(row.id(), row.partnerId(), this.json.readValue(row.request(), WindowRequest.class),
                row.expiresAt());
    }

}
