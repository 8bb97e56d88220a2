package kr.gyeol.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import kr.gyeol.network.Acquirer;
import kr.gyeol.network.AppCard;

import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.IssuedSession;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.payment.AppCardCharge;
import kr.gyeol.payment.ChargeRejected;
import kr.gyeol.payment.ChargeRequest;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.Money;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.vault.AccountRegistration;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.BillingKeyStatus;
import kr.gyeol.vault.PaymentPasswords;
import kr.gyeol.vault.CardRegistration;
import kr.gyeol.vault.InstrumentType;
import kr.gyeol.vault.Institutions;
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

    /** Korean card companies allow installments from 50,000원. */
    static final long INSTALLMENT_MINIMUM = 50_000;

    private final Acquirer acquirer;

    private final PaymentPasswords passwords;

    private final Clock clock;

    private final JsonMapper json;

    private final Duration lifetime;

    WindowService(WindowRepository windows, Vault vault, PaymentService payments, PartnerAuthentication authentication,
            Acquirer acquirer, PaymentPasswords passwords, Clock clock, JsonMapper json,
            @Value("${gyeol.auth.session-lifetime:30m}") Duration lifetime) {
        this.windows = windows;
        this.vault = vault;
        this.payments = payments;
        this.authentication = authentication;
        this.acquirer = acquirer;
        this.passwords = passwords;
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
    public WindowOutcome submitCard(String id, CardRegistration card, String password, String refererHost) {
        Instant now = this.clock.instant();
        Optional<WindowRow> claimed = this.windows.claim(id, now);
        if (claimed.isEmpty()) {
            return new WindowOutcome.Refused(this.windows.find(id).isPresent() ? WindowOutcome.Reason.ALREADY_PROCESSED
                    : WindowOutcome.Reason.SESSION_EXPIRED, null, null);
        }
        WindowSession session = session(claimed.get());
        try {
            return run(session, card, password, refererHost);
        }
        finally {
            this.windows.complete(id);
        }
    }

    private WindowOutcome run(WindowSession session, CardRegistration card, String password, String refererHost) {
        BillingKey key;
        try {
            key = this.vault.registerCard(session.partnerId(), card);
            setPassword(session, key, password);
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

    /**
     * A window opened with {@code PCD_SIMPLE_FLAG=Y} registers the key for password
     * re-payments.
     */
    private void setPassword(WindowSession session, BillingKey key, String password) {
        if (session.request().setsPassword()) {
            this.passwords.set(session.partnerId(), key.id(), password);
        }
    }

    /**
     * Why a password re-payment window cannot be opened for a key, or empty when it can.
     */
    public Optional<WindowOutcome.Reason> passwordPaymentRefusal(PartnerId partnerId, BillingKeyId keyId,
            InstrumentType instrument) {
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

    /** The account registration a window waits on, to show its ARS step again. */
    public Optional<PendingAccountRegistration> pendingAccount(WindowSession session) {
        return this.windows.accountRegistration(session.id())
            .flatMap((registration) -> this.vault.pendingAccount(session.partnerId(), registration));
    }

    /** The key a password re-payment window charges. */
    public BillingKey passwordKey(WindowSession session) {
        return this.vault.find(session.partnerId(), BillingKeyId.of(session.request().passwordKeyId()));
    }

    /**
     * The customer typed the payment password: a wrong one leaves the window open with
     * fewer tries; the right one charges the key (PAY) or readies the confirmation
     * (CERT), once.
     */
    public WindowOutcome payWithPassword(String id, String password, String refererHost) {
        WindowSession open = findOpen(id).orElse(null);
        if (open == null || !open.request().passwordPayment()) {
            return new WindowOutcome.Refused(this.windows.find(id).isPresent() ? WindowOutcome.Reason.ALREADY_PROCESSED
                    : WindowOutcome.Reason.SESSION_EXPIRED, null, null);
        }
        PaymentPasswords.Result check = this.passwords.check(open.partnerId(),
                BillingKeyId.of(open.request().passwordKeyId()), password);
        if (check.check() == PaymentPasswords.Check.WRONG) {
            return new WindowOutcome.WrongPassword(check.triesLeft());
        }
        Optional<WindowRow> claimed = this.windows.claim(id, this.clock.instant());
        if (claimed.isEmpty()) {
            return new WindowOutcome.Refused(WindowOutcome.Reason.ALREADY_PROCESSED, null, null);
        }
        WindowSession session = session(claimed.get());
        try {
            return switch (check.check()) {
                case ACCEPTED -> afterRegistration(session, passwordKey(session), refererHost);
                case LOCKED -> new WindowOutcome.Refused(WindowOutcome.Reason.PASSWORD_LOCKED, null, null);
                case NOT_SET, WRONG -> new WindowOutcome.Refused(WindowOutcome.Reason.KEY_REVOKED, null, null);
            };
        }
        finally {
            this.windows.complete(id);
        }
    }

    /** What AUTH, PAY and CERT each do with the newly registered key. */
    private WindowOutcome afterRegistration(WindowSession session, BillingKey key, String refererHost) {
        return switch (session.request().work()) {
            case AUTH -> new WindowOutcome.Registered(key);
            case PAY -> {
                try {
                    yield new WindowOutcome.Charged(key,
                            this.payments.charge(chargeRequest(session, key.id(), key.type(), null)));
                }
                catch (ChargeRejected ex) {
                    yield refused(ex);
                }
            }
            case CERT -> {
                String requestKey = Tokens.base64(24);
                Instant now = this.clock.instant();
                this.windows.insertConfirmation(requestKey, session.partnerId(), session.id(), key.id(), null, now,
                        now.plus(this.lifetime));
                IssuedSession confirmation = this.authentication.issueFollowUp(session.partnerId(), refererHost,
                        Operation.PAYMENT_CONFIRM, requestKey);
                yield new WindowOutcome.AwaitingConfirmation(key, null, requestKey, confirmation);
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
    public WindowOutcome confirmAccount(String id, String keyedNumber, String password, String refererHost) {
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
                setPassword(session, key, password);
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
        WindowSession session = this.windows.find(confirmation.windowId()).map(this::session).orElseThrow();
        ChargeRequest charge;
        if (confirmation.appCard() != null) {
            charge = chargeRequest(session, null, InstrumentType.CARD,
                    this.json.readValue(confirmation.appCard(), AppCardCharge.class));
        }
        else {
            BillingKey key = this.vault.find(call.partnerId(), confirmation.billingKeyId());
            charge = chargeRequest(session, key.id(), key.type(), null);
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

    private static ChargeRequest chargeRequest(WindowSession session, BillingKeyId billingKeyId,
            InstrumentType instrument, AppCardCharge appCard) {
        WindowRequest request = session.request();
        return new ChargeRequest(session.partnerId(), PaymentApi.PAYPLE, billingKeyId, instrument,
                OrderId.ofNullable(request.orderId()), Money.won(request.amount() == null ? 0 : request.amount()),
                request.vat(), request.taxable(), request.goods(), request.payer(), request.userDefine1(),
                request.userDefine2(), request.billingPeriod(), request.cashReceipt(), null, null, appCard, null);
    }

    /** A card company's app or an easy-pay wallet the customer can pay with. */
    public record AppProvider(String code, String name, AppMethod method) {
    }

    /** What an app-card window offers, in the order of its request's methods. */
    public List<AppProvider> appProviders(WindowRequest request) {
        List<AppProvider> providers = new ArrayList<>();
        for (AppMethod method : request.appMethods()) {
            if (method == AppMethod.APP_CARD) {
                Institutions.cardCompanies()
                    .forEach((company) -> providers.add(new AppProvider(company.code(), company.name(), method)));
            }
            else {
                providers.add(new AppProvider(method.wireName(), method.label(), method));
            }
        }
        return providers;
    }

    /** One of the providers an app-card window offers. */
    public Optional<AppProvider> appProvider(WindowRequest request, String code) {
        return appProviders(request).stream().filter((provider) -> provider.code().equals(code)).findFirst();
    }

    /** The cards the customer's app shows. */
    public List<AppCard> appCards(AppProvider provider) {
        return this.acquirer.appCards(provider.code());
    }

    /** Whether the customer may split this window's amount into monthly installments. */
    public static List<Integer> installmentChoices(WindowRequest request) {
        if (request.amount() == null || request.amount() < INSTALLMENT_MINIMUM) {
            return List.of(0);
        }
        return IntStream.concat(IntStream.of(0), IntStream.rangeClosed(2, 12)).boxed().toList();
    }

    /**
     * The customer approved a card in its app: charges it at once (PAY) or waits for the
     * partner's confirmation (CERT). No billing key is made.
     */
    public WindowOutcome approveInApp(String id, String providerCode, String token, int installmentMonths,
            String refererHost) {
        Optional<WindowRow> claimed = this.windows.claim(id, this.clock.instant());
        if (claimed.isEmpty()) {
            return new WindowOutcome.Refused(this.windows.find(id).isPresent() ? WindowOutcome.Reason.ALREADY_PROCESSED
                    : WindowOutcome.Reason.SESSION_EXPIRED, null, null);
        }
        WindowSession session = session(claimed.get());
        try {
            WindowRequest request = session.request();
            Optional<AppProvider> provider = request.appCard() ? appProvider(request, providerCode) : Optional.empty();
            Optional<AppCard> card = provider.flatMap((chosen) -> appCards(chosen).stream()
                .filter((candidate) -> candidate.token().equals(token))
                .findFirst());
            if (card.isEmpty()) {
                return new WindowOutcome.Refused(WindowOutcome.Reason.INVALID_APP_CARD, null, null);
            }
            if (!installmentChoices(request).contains(installmentMonths)) {
                return new WindowOutcome.Refused(WindowOutcome.Reason.INVALID_INSTALLMENTS, null, null);
            }
            Institutions.Institution issuer = provider.get().method() == AppMethod.APP_CARD
                    ? new Institutions.Institution(provider.get().code(), provider.get().name())
                    : Institutions.cardIssuer(card.get().maskedNumber());
            AppCardCharge appCard = new AppCardCharge(card.get().token(), card.get().maskedNumber(), issuer.code(),
                    issuer.name(), installmentMonths,
                    provider.get().method() == AppMethod.APP_CARD ? null : provider.get().method().wireName());
            return switch (request.work()) {
                case PAY -> {
                    try {
                        yield new WindowOutcome.Charged(null,
                                this.payments.charge(chargeRequest(session, null, InstrumentType.CARD, appCard)));
                    }
                    catch (ChargeRejected ex) {
                        yield refused(ex);
                    }
                }
                case CERT -> {
                    String requestKey = Tokens.base64(24);
                    Instant now = this.clock.instant();
                    this.windows.insertConfirmation(requestKey, session.partnerId(), session.id(), null,
                            this.json.writeValueAsString(appCard), now, now.plus(this.lifetime));
                    IssuedSession confirmation = this.authentication.issueFollowUp(session.partnerId(), refererHost,
                            Operation.PAYMENT_CONFIRM, requestKey);
                    yield new WindowOutcome.AwaitingConfirmation(null, appCard, requestKey, confirmation);
                }
                // The window never opens an app-card AUTH (spec §3.2: no billing key).
                case AUTH -> new WindowOutcome.Refused(WindowOutcome.Reason.INVALID_APP_CARD, null, null);
            };
        }
        finally {
            this.windows.complete(id);
        }
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
