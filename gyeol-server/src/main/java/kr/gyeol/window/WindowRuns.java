package kr.gyeol.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import kr.gyeol.partner.AuthProperties;
import kr.gyeol.partner.IssuedSession;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.payment.AppCardCharge;
import kr.gyeol.payment.ChargeRejected;
import kr.gyeol.payment.ChargeMethod;
import kr.gyeol.payment.ChargeRequest;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.PaymentPasswords;
import kr.gyeol.window.jdbc.WindowRepository.WindowRow;
import kr.gyeol.window.jdbc.WindowRepository;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every window kind shares once the customer has acted: the window is claimed once
 * (OPEN → PROCESSING → COMPLETED), so a double submit never registers or charges twice,
 * and its work (AUTH, PAY, CERT) is done with the key or app card the customer gave.
 */
@Component
class WindowRuns {

    private final WindowRepository windows;

    private final PaymentService payments;

    private final PartnerAuthentication authentication;

    private final PaymentPasswords passwords;

    private final Clock clock;

    private final JsonMapper json;

    private final Duration lifetime;

    WindowRuns(WindowRepository windows, PaymentService payments, PartnerAuthentication authentication,
            PaymentPasswords passwords, Clock clock, JsonMapper json, AuthProperties auth) {
        this.windows = windows;
        this.payments = payments;
        this.authentication = authentication;
        this.passwords = passwords;
        this.clock = clock;
        this.json = json;
        this.lifetime = auth.sessionLifetime();
    }

    Duration lifetime() {
        return this.lifetime;
    }

    Optional<WindowSession> findOpen(String id) {
        return this.windows.findOpen(id, this.clock.instant()).map(this::session);
    }

    Optional<WindowSession> find(String id) {
        return this.windows.find(id).map(this::session);
    }

    WindowSession session(WindowRow row) {
        return new WindowSession(row.id(), row.partnerId(), this.json.readValue(row.request(), WindowRequest.class),
                row.expiresAt());
    }

    /**
     * Claims the window once and runs {@code work} on it, completing the window whatever
     * the work did; a window claimed already, or gone, is refused as such.
     */
    WindowOutcome once(String id, Function<WindowSession, WindowOutcome> work) {
        Optional<WindowRow> claimed = this.windows.claim(id, this.clock.instant());
        if (claimed.isEmpty()) {
            return notOpen(id);
        }
        try {
            return work.apply(session(claimed.get()));
        }
        finally {
            this.windows.complete(id);
        }
    }

    /** Why a window cannot be acted on: done with, or never opened or expired. */
    WindowOutcome notOpen(String id) {
        return new WindowOutcome.Refused(this.windows.find(id).isPresent() ? WindowOutcome.Reason.ALREADY_PROCESSED
                : WindowOutcome.Reason.SESSION_EXPIRED, null, null);
    }

    /**
     * A window opened with {@code PCD_SIMPLE_FLAG=Y} registers the key for password
     * re-payments.
     */
    void setPassword(WindowSession session, BillingKey key, String password) {
        if (session.request().setsPassword()) {
            this.passwords.set(session.partnerId(), key.id(), password);
        }
    }

    /** What AUTH, PAY and CERT each do with the key the customer registered or chose. */
    WindowOutcome withKey(WindowSession session, BillingKey key) {
        return switch (session.request().work()) {
            case AUTH -> new WindowOutcome.Registered(key);
            case PAY -> charged(key, chargeRequest(session, key.id(), key.type(), null));
            case CERT -> awaitConfirmation(session, key, null);
        };
    }

    /** What PAY and CERT do with a card the customer approved in an app (no key). */
    WindowOutcome withAppCard(WindowSession session, AppCardCharge appCard) {
        return switch (session.request().work()) {
            case PAY -> charged(null, chargeRequest(session, null, InstrumentType.CARD, appCard));
            case CERT -> awaitConfirmation(session, null, appCard);
            // The window never opens an app-card AUTH (spec §3.2: no billing key).
            case AUTH -> new WindowOutcome.Refused(WindowOutcome.Reason.INVALID_APP_CARD, null, null);
        };
    }

    private WindowOutcome charged(BillingKey key, ChargeRequest request) {
        try {
            return new WindowOutcome.Charged(key, this.payments.charge(request));
        }
        catch (ChargeRejected ex) {
            return refused(ex);
        }
    }

    /**
     * CERT: keeps what the partner's confirmation will charge under a new request key,
     * and issues the AuthKey for that confirmation.
     */
    private WindowOutcome awaitConfirmation(WindowSession session, BillingKey key, AppCardCharge appCard) {
        String requestKey = Tokens.base64(24);
        Instant now = this.clock.instant();
        this.windows.insertConfirmation(requestKey, session.partnerId(), session.id(), key == null ? null : key.id(),
                appCard == null ? null : this.json.writeValueAsString(appCard), now, now.plus(this.lifetime));
        IssuedSession confirmation = this.authentication.issueFollowUp(session.partnerId(), Operation.PAYMENT_CONFIRM,
                requestKey);
        return new WindowOutcome.AwaitingConfirmation(key, appCard, requestKey, confirmation);
    }

    /** The charge a window makes, of a billing key or of an app card. */
    static ChargeRequest chargeRequest(WindowSession session, BillingKeyId billingKeyId, InstrumentType instrument,
            AppCardCharge appCard) {
        WindowRequest request = session.request();
        return new ChargeRequest(session.partnerId(),
                appCard != null ? new ChargeMethod.AppCard(appCard)
                        : ChargeMethod.ofBillingKey(billingKeyId, instrument),
                OrderId.ofNullable(request.orderId()), request.amountDue() == null ? Money.won(0) : request.amountDue(),
                request.vat(), request.taxable(), request.goods(), request.payer(), request.userDefine1(),
                request.userDefine2(), request.billingPeriod(), request.cashReceipt(), null, null);
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

}
