package kr.gyeol.vault;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import kr.gyeol.keyring.VaultCipher;
import kr.gyeol.network.AccountDetails;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.CardDetails;
import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.NetworkCall;
import kr.gyeol.network.Outcome;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Payer;
import kr.gyeol.shared.SingleUse;
import kr.gyeol.shared.Tokens;
import kr.gyeol.vault.RegistrationRejected.Reason;
import kr.gyeol.vault.jdbc.BillingKeyRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers, finds, reveals for charging, and revokes billing keys. */
@Service
public class Vault {

    private static final Logger log = LoggerFactory.getLogger(Vault.class);

    private final BillingKeyRepository keys;

    private final VaultCipher cipher;

    private final Acquirer acquirer;

    private final Clock clock;

    private final Duration arsLifetime;

    private final Outbox outbox;

    private final TransactionTemplate transaction;

    Vault(BillingKeyRepository keys, VaultCipher cipher, Acquirer acquirer, Clock clock, Outbox outbox,
            PlatformTransactionManager transactionManager, VaultOptions options) {
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
        this.keys = keys;
        this.cipher = cipher;
        this.acquirer = acquirer;
        this.clock = clock;
        this.arsLifetime = options.arsLifetime();
    }

    /**
     * Validates a card (CDAUCK order), has the network verify it, and stores it
     * encrypted.
     */
    public BillingKey registerCard(PartnerId partnerId, CardRegistration registration) {
        return registerCard(partnerId, registration, SingleUse.SPENT);
    }

    /**
     * The same, spending the AuthKey that authorized it in the transaction that stores
     * the key.
     * @throws SingleUse.AlreadySpent when the AuthKey was spent before; nothing was
     * stored
     */
    public BillingKey registerCard(PartnerId partnerId, CardRegistration registration, SingleUse use) {
        CardDetails card = validCard(registration);
        return store(partnerId, card,
                card.birthOrBusinessNumber().length() == 10 ? HolderType.CORPORATE : HolderType.PERSONAL,
                registration.payer(), use);
    }

    /**
     * What is wrong with a card as typed (birth date, number, expiry, PIN digits, in the
     * CDAUCK order), before any network is asked; empty when nothing is. A window shows
     * it and stays open for the customer to correct it.
     */
    public Optional<Reason> typingMistake(CardRegistration registration) {
        try {
            validCard(registration);
            return Optional.empty();
        }
        catch (RegistrationRejected rejected) {
            return Optional.of(rejected.reason());
        }
    }

    private CardDetails validCard(CardRegistration registration) {
        String birth = validBirthOrBusinessNumber(registration.birthOrBusinessNumber());
        String[] expiry = validCard(registration.number(), registration.expiryYear(), registration.expiryMonth());
        String pin = registration.pinPrefix();
        if (pin == null || !pin.matches("[0-9]{2}")) {
            throw new RegistrationRejected(Reason.INVALID_PIN);
        }
        return new CardDetails(registration.number(), expiry[0], expiry[1], birth, pin);
    }

    /**
     * Registers a card of the overseas API: number and expiry only (its security code is
     * checked with each charge and never stored).
     */
    public BillingKey registerForeignCard(PartnerId partnerId, String number, String expiryYear, String expiryMonth,
            Payer payer) {
        String[] expiry = validCard(number, expiryYear, expiryMonth);
        return store(partnerId, new CardDetails(number, expiry[0], expiry[1], "", ""), HolderType.PERSONAL, payer,
                SingleUse.SPENT);
    }

    /**
     * Checks number (Luhn) and expiry (not past) in the CDAUCK order.
     * @return the two-digit year and month
     */
    private String[] validCard(String number, String expiryYear, String expiryMonth) {
        if (number == null || !number.matches("[0-9]{12,19}") || !luhn(number)) {
            throw new RegistrationRejected(Reason.INVALID_CARD_NUMBER);
        }
        String year = twoDigitYear(expiryYear);
        String month = expiryMonth;
        if (year == null || month == null || !month.matches("0?[1-9]|1[0-2]")) {
            throw new RegistrationRejected(Reason.INVALID_EXPIRY);
        }
        month = month.length() == 1 ? "0" + month : month;
        if (YearMonth.of(2000 + Integer.parseInt(year), Integer.parseInt(month))
            .isBefore(YearMonth.now(clock.withZone(KoreanTime.ZONE)))) {
            throw new RegistrationRejected(Reason.INVALID_EXPIRY);
        }
        return new String[] { year, month };
    }

    /** Has the network verify a card, then stores it encrypted with its event. */
    private BillingKey store(PartnerId partnerId, CardDetails card, HolderType holder, Payer payer, SingleUse use) {
        // Named for the simulator's faults, which a test may arm for its partner's
        // registrations.
        if (new NetworkCall(partnerId, null)
            .run(() -> acquirer.verifyCard(card)) instanceof Outcome.Declined declined) {
            throw new RegistrationRejected(Reason.CARD_NOT_VERIFIED, declined.institutionCode(),
                    declined.institutionMessage());
        }
        Institutions.Institution issuer = Institutions.cardIssuer(card.number());
        BillingKeyId id = BillingKeyId.of(Tokens.base64(24));
        BillingKey key = new BillingKey(id, partnerId, InstrumentType.CARD, BillingKeyStatus.ACTIVE,
                Masking.card(card.number()), issuer.code(), issuer.name(), holder, payer, clock.instant());
        transaction.executeWithoutResult((status) -> {
            use.spendOrThrow();
            keys.insert(key, cipher.seal(serialize(card), id.value()));
            outbox.record(partnerId, EventType.BILLING_KEY_REGISTERED, id.value());
        });
        log.info("{} registered for partner {} ({} {})", key.type(), partnerId, key.institutionName(),
                key.maskedNumber());
        return key;
    }

    /**
     * Step one of an account registration: checks the account and places the ARS call.
     */
    public PendingAccountRegistration startAccountRegistration(PartnerId partnerId, AccountRegistration registration) {
        return startAccountRegistration(partnerId, registration, SingleUse.SPENT);
    }

    /**
     * The same, spending the AuthKey that authorized it in the transaction that keeps the
     * pending registration.
     * @throws SingleUse.AlreadySpent when the AuthKey was spent before
     */
    public PendingAccountRegistration startAccountRegistration(PartnerId partnerId, AccountRegistration registration,
            SingleUse use) {
        Institutions.Institution bank = Institutions.bank(registration.bankCode())
            .orElseThrow(() -> new RegistrationRejected(Reason.INVALID_ACCOUNT));
        String number = registration.number();
        if (number == null || !number.matches("[0-9]{8,16}")) {
            throw new RegistrationRejected(Reason.INVALID_ACCOUNT);
        }
        String birth;
        try {
            birth = validBirthOrBusinessNumber(registration.birthOrBusinessNumber());
        }
        catch (RegistrationRejected e) {
            throw new RegistrationRejected(Reason.INVALID_ACCOUNT);
        }
        AccountDetails account = new AccountDetails(bank.code(), number, birth);
        if (new NetworkCall(partnerId, null)
            .run(() -> acquirer.verifyAccount(account)) instanceof Outcome.Declined declined) {
            throw new RegistrationRejected(declined.reason() == DeclineReason.BANK_MAINTENANCE ? Reason.BANK_MAINTENANCE
                    : Reason.INVALID_ACCOUNT, declined.institutionCode(), declined.institutionMessage());
        }
        String id = Tokens.urlSafe(18);
        Instant now = clock.instant();
        PendingAccountRegistration pending = new PendingAccountRegistration(id, Tokens.digits(4),
                Masking.account(number), bank.code(), bank.name(), now.plus(arsLifetime));
        transaction.executeWithoutResult((status) -> {
            use.spendOrThrow();
            keys.insertPendingAccount(partnerId, pending, registration.holderType(), registration.payer(),
                    cipher.seal(serialize(account), id), now);
        });
        return pending;
    }

    /** A pending account registration of this partner, to show its ARS step again. */
    public java.util.Optional<PendingAccountRegistration> pendingAccount(PartnerId partnerId, String registrationId) {
        return keys.findPendingAccount(partnerId, registrationId)
            .map(row -> new PendingAccountRegistration(registrationId, row.requestNumber(), row.maskedNumber(),
                    row.bankCode(), row.bankName(), row.expiresAt()));
    }

    /** Wrong ARS numbers allowed before a registration is refused for good. */
    public static final int ARS_TRIES = 5;

    /**
     * Checks a keyed ARS number without confirming: the wrong tries left when it is wrong
     * (0 when none are), or empty when it is right or there is nothing to check.
     */
    public Optional<Integer> wrongArsNumber(PartnerId partnerId, String registrationId, String keyedNumber) {
        BillingKeyRepository.PendingRow pending = keys.findPendingAccount(partnerId, registrationId)
            .filter(row -> row.billingKeyId() == null)
            .orElse(null);
        if (pending == null || pending.requestNumber().equals(keyedNumber)) {
            return Optional.empty();
        }
        int failures = keys.recordArsFailure(partnerId, registrationId);
        return Optional.of(Math.max(0, ARS_TRIES - failures));
    }

    /**
     * Step two: the customer keyed the number into the ARS call. The registration is
     * claimed with a conditional update, so it yields one billing key however often it is
     * confirmed.
     */
    @Transactional
    public BillingKey confirmAccountRegistration(PartnerId partnerId, String registrationId, String requestNumber,
            String keyedNumber) {
        BillingKeyRepository.PendingRow pending = keys.findPendingAccount(partnerId, registrationId)
            .filter(row -> row.expiresAt().isAfter(clock.instant()))
            .filter(row -> row.billingKeyId() == null)
            .orElseThrow(() -> new RegistrationRejected(Reason.REGISTRATION_NOT_FOUND));
        if (!pending.requestNumber().equals(requestNumber)
                || (keyedNumber != null && !pending.requestNumber().equals(keyedNumber))) {
            throw new RegistrationRejected(Reason.CONFIRMATION_MISMATCH);
        }
        byte[] plaintext = cipher.open(pending.sealed(), registrationId);
        BillingKeyId id = BillingKeyId.of(Tokens.base64(24));
        BillingKey key = new BillingKey(id, partnerId, InstrumentType.BANK_ACCOUNT, BillingKeyStatus.ACTIVE,
                pending.maskedNumber(), pending.bankCode(), pending.bankName(), pending.holderType(), pending.payer(),
                clock.instant());
        keys.insert(key, cipher.seal(plaintext, id.value()));
        outbox.record(partnerId, EventType.BILLING_KEY_REGISTERED, id.value());
        if (!keys.claimPendingAccount(registrationId, id, clock.instant())) {
            throw new RegistrationRejected(Reason.REGISTRATION_NOT_FOUND);
        }
        log.info("{} registered for partner {} ({} {})", key.type(), partnerId, key.institutionName(),
                key.maskedNumber());
        return key;
    }

    /** A key whatever its partner and status. */
    public java.util.Optional<BillingKey> findById(BillingKeyId id) {
        return keys.find(id);
    }

    /** A key of this partner, whatever its status. */
    public BillingKey find(PartnerId partnerId, BillingKeyId id) {
        return keys.find(id)
            .filter(key -> key.partnerId().equals(partnerId))
            .orElseThrow(() -> new RegistrationRejected(Reason.KEY_NOT_FOUND));
    }

    /** A page of a partner's billing keys (masked), newest first. */
    public java.util.List<BillingKey> list(PartnerId partnerId, int limit, int offset) {
        return keys.listOf(partnerId, limit, offset);
    }

    /**
     * How the console names a key in its pages and forms: the SHA-256 of the key, in hex,
     * from which the key cannot be read back.
     */
    public static String digest(BillingKeyId id) {
        return java.util.HexFormat.of().formatHex(kr.gyeol.shared.Tokens.sha256(id.value()));
    }

    /**
     * The start and end of a key with the middle hidden ({@code AbCd…wXyZ}): enough to
     * tell keys apart on a page, not to charge one.
     */
    public static String masked(BillingKeyId id) {
        String value = id.value();
        return value.length() <= 12 ? "…" + value.substring(Math.max(0, value.length() - 4))
                : value.substring(0, 4) + "…" + value.substring(value.length() - 4);
    }

    /** The partner's key with this {@linkplain #digest(BillingKeyId) digest}. */
    public java.util.Optional<BillingKeyId> findByDigest(PartnerId partnerId, String digest) {
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            return java.util.Optional.empty();
        }
        return keys.findByDigest(partnerId, digest);
    }

    /** Revokes a key for good. */
    public BillingKey revoke(PartnerId partnerId, BillingKeyId id) {
        BillingKey key = find(partnerId, id);
        boolean revoked = Boolean.TRUE.equals(transaction.execute((status) -> {
            if (!keys.revoke(id, partnerId, clock.instant())) {
                return false;
            }
            outbox.record(partnerId, EventType.BILLING_KEY_REVOKED, id.value());
            return true;
        }));
        if (!revoked) {
            throw new RegistrationRejected(Reason.KEY_REVOKED);
        }
        log.info("{} of partner {} ({}) revoked", key.type(), partnerId, key.maskedNumber());
        return key;
    }

    /**
     * Reveals an active key's instrument for a charge, holding a share lock on the key
     * until the caller's transaction ends, so a revocation cannot slip between this check
     * and the payment row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ChargeableKey lockForCharge(PartnerId partnerId, BillingKeyId id, InstrumentType expected) {
        BillingKeyRepository.KeyWithSecret row = keys.findForShare(id)
            .filter(found -> found.key().partnerId().equals(partnerId))
            .orElseThrow(() -> new RegistrationRejected(Reason.KEY_NOT_FOUND));
        if (row.key().status() != BillingKeyStatus.ACTIVE) {
            throw new RegistrationRejected(Reason.KEY_REVOKED);
        }
        if (row.key().type() != expected) {
            throw new RegistrationRejected(Reason.KEY_OF_OTHER_TYPE);
        }
        return reveal(row);
    }

    /**
     * Reveals a key's instrument whatever its status, for asking the network about a
     * charge.
     */
    public ChargeableKey reveal(BillingKeyId id) {
        return reveal(keys.findWithSecret(id).orElseThrow(() -> new RegistrationRejected(Reason.KEY_NOT_FOUND)));
    }

    private ChargeableKey reveal(BillingKeyRepository.KeyWithSecret row) {
        String[] parts = new String(cipher.open(row.sealed(), row.key().id().value()), StandardCharsets.UTF_8)
            .split("\\|", -1);
        if (parts[0].equals("C")) {
            return new ChargeableKey(row.key(), new CardDetails(parts[1], parts[2], parts[3], parts[4], parts[5]),
                    null);
        }
        return new ChargeableKey(row.key(), null, new AccountDetails(parts[1], parts[2], parts[3]));
    }

    private static byte[] serialize(CardDetails card) {
        return String
            .join("|", "C", card.number(), card.expiryYear(), card.expiryMonth(), card.birthOrBusinessNumber(),
                    card.pinPrefix())
            .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] serialize(AccountDetails account) {
        return String.join("|", "A", account.bankCode(), account.number(), account.birthOrBusinessNumber())
            .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code YYMMDD} that is a real date, or a ten-digit business registration number.
     */
    static String validBirthOrBusinessNumber(String value) {
        if (value != null && value.matches("[0-9]{10}")) {
            return value;
        }
        if (value != null && value.matches("[0-9]{8}")) {
            // YYYYMMDD is sent by some partner forms; keep the YYMMDD Payple documents.
            value = value.substring(2);
        }
        if (value == null || !value.matches("[0-9]{6}")) {
            throw new RegistrationRejected(Reason.INVALID_BIRTH_DATE);
        }
        try {
            LocalDate.of(2000 + Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(4, 6)));
        }
        catch (DateTimeException e) {
            throw new RegistrationRejected(Reason.INVALID_BIRTH_DATE);
        }
        return value;
    }

    private static String twoDigitYear(String value) {
        if (value == null) {
            return null;
        }
        if (value.matches("20[0-9]{2}")) {
            return value.substring(2);
        }
        return value.matches("[0-9]{2}") ? value : null;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

}
