package kr.gyeol.network.simulator;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kr.gyeol.network.AccountDetails;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.AppCard;
import kr.gyeol.network.CardDetails;
import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.Instrument;
import kr.gyeol.network.NetworkCall;
import kr.gyeol.network.Outcome;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.Tokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default network: deterministic by card or account number, so every node answers the
 * same. Scenario numbers reuse Stripe's well-known test cards.
 *
 * <p>
 * Like a real network it keeps a ledger of what it was asked ({@link NetworkLedger}),
 * written before it answers, and answers inquiries from it alone: a charge that timed out
 * was processed all the same and is found approved later (the case a reconciler exists
 * for); a charge it was never asked about, because the gateway failed before sending it,
 * is "no such transaction", and the payment settles as not charged.
 */
@Component
@ConditionalOnProperty(name = "gyeol.network.acquirer", havingValue = "simulator", matchIfMissing = true)
class SimulatedAcquirer implements Acquirer {

    private record Scenario(DeclineReason reason, String code, String message) {
    }

    static final String CARD_DECLINED = "4000000000000002";
    static final String CARD_INSUFFICIENT_FUNDS = "4000000000009995";
    static final String CARD_EXPIRED = "4000000000000069";
    static final String CARD_TIMEOUT = "4000000000000119";

    /**
     * A card company that never answers, not even when asked later: the settlement loop's
     * backoff and attempt cap are tried with it.
     */
    static final String CARD_NEVER_ANSWERS = "4000000000000259";

    static final String CARD_WRONG_CVC = "4000000000000127";
    static final String ACCOUNT_INSUFFICIENT_FUNDS = "1000000009995";
    static final String ACCOUNT_BANK_MAINTENANCE = "1000000009998";
    static final String ACCOUNT_MAINTENANCE_AT_REGISTRATION = "1000000009997";
    static final String ACCOUNT_TIMEOUT = "1000000000119";

    /**
     * The cards every simulated app holds, one per scenario; the token names the
     * scenario.
     */
    static final String APP_APPROVE = "sim-app-approve";

    static final String APP_DECLINED = "sim-app-declined";

    static final String APP_INSUFFICIENT_FUNDS = "sim-app-insufficient-funds";

    static final String APP_TIMEOUT = "sim-app-timeout";

    private static final Map<String, Scenario> APP_DECLINES = Map.of(APP_DECLINED,
            new Scenario(DeclineReason.GENERIC, "3143", "카드사 문의 바랍니다."), APP_INSUFFICIENT_FUNDS,
            new Scenario(DeclineReason.INSUFFICIENT_FUNDS, "3133", "잔액이 부족합니다."));

    /** Cancels carry no card number, so their timeout scenario is an amount. */
    static final long CANCEL_TIMEOUT_AMOUNT = 1_119;

    private static final Map<String, Scenario> CARD_DECLINES = Map.of(CARD_DECLINED,
            new Scenario(DeclineReason.GENERIC, "3143", "카드사 문의 바랍니다."), CARD_INSUFFICIENT_FUNDS,
            new Scenario(DeclineReason.INSUFFICIENT_FUNDS, "3133", "잔액이 부족합니다."), CARD_EXPIRED,
            new Scenario(DeclineReason.EXPIRED_CARD, "3100", "유효기간이 만료되었습니다."));

    private static final Scenario EXPIRED_BY_DATE = new Scenario(DeclineReason.EXPIRED_CARD, "3119", "유효기간 오류입니다.");

    private static final Scenario WRONG_SECURITY_CODE = new Scenario(DeclineReason.INVALID_CARD, "CVC",
            "The card's security code is incorrect.");

    private static final Scenario UNKNOWN_APP_CARD = new Scenario(DeclineReason.GENERIC, "3254",
            "유효시간이 경과한 앱카드 번호입니다.");

    private static final Scenario ACCOUNT_NO_FUNDS = new Scenario(DeclineReason.INSUFFICIENT_FUNDS, "3133",
            "잔액이 부족합니다.");

    private static final Scenario MAINTENANCE = new Scenario(DeclineReason.BANK_MAINTENANCE, "9998", "은행 점검시간입니다.");

    private static final Scenario NOT_FOUND = new Scenario(DeclineReason.NO_SUCH_TRANSACTION, "NOTX",
            "거래 내역이 없습니다. 요청이 도착하지 않아 처리되지 않았습니다.");

    private final Clock clock;

    private final NetworkLedger ledger;

    private final Faults faults;

    SimulatedAcquirer(Clock clock, NetworkLedger ledger, Faults faults) {
        this.clock = clock;
        this.ledger = ledger;
        this.faults = faults;
    }

    /**
     * A charge as a test armed it for its partner ({@link Faults}), else as {@code usual}
     * answers it. Recorded in the ledger either way, so settlement learns what an armed
     * timeout did.
     * @param cardNumber the card charged, or null (an account, an app card)
     */
    private Outcome armedOr(String reference, String cardNumber, Money amount, Supplier<Outcome> usual) {
        Optional<Faults.Fault> armed = this.faults.takeFor(Faults.Operation.CHARGE, NetworkCall.current(), cardNumber);
        if (armed.isEmpty()) {
            return usual.get();
        }
        return armedAnswer(armed.get(), (done, timesOut) -> charged(reference, amount, done, timesOut));
    }

    /**
     * What an armed fault answers, recorded (or, never answered, not recorded) by
     * {@code recorder} as the call it takes.
     */
    private Outcome armedAnswer(Faults.Fault fault, java.util.function.BiFunction<Outcome, Boolean, Outcome> recorder) {
        return switch (fault.outcome()) {
            case APPROVE -> recorder.apply(approved(), false);
            case DECLINE -> recorder.apply(declined(armedDecline(fault.declineReason())), false);
            case TIMEOUT_THEN_APPROVE -> recorder.apply(approved(), true);
            case TIMEOUT_THEN_DECLINE -> recorder.apply(declined(armedDecline(fault.declineReason())), true);
            case NEVER_ANSWER -> recorder.apply(new Outcome.Unknown("the network never answers"), false);
        };
    }

    /**
     * A registration's check as a test armed it (approved or declined: a registration
     * either issues its key or does not), else as {@code usual} answers it.
     */
    private Outcome armedRegistrationOr(String cardNumber, Supplier<Outcome> usual) {
        Optional<Faults.Fault> armed = this.faults.takeFor(Faults.Operation.REGISTRATION, NetworkCall.current(),
                cardNumber);
        if (armed.isEmpty()) {
            return usual.get();
        }
        return armed.get().outcome() == Faults.Outcome.APPROVE ? approved()
                : declined(armedDecline(armed.get().declineReason()));
    }

    /**
     * The decline of an armed reason, with the code and message a scenario card gives it.
     */
    private static Scenario armedDecline(DeclineReason reason) {
        DeclineReason why = reason == null ? DeclineReason.GENERIC : reason;
        return java.util.stream.Stream
            .concat(CARD_DECLINES.values().stream(),
                    java.util.stream.Stream.of(ACCOUNT_NO_FUNDS, MAINTENANCE, EXPIRED_BY_DATE, WRONG_SECURITY_CODE))
            .filter((scenario) -> scenario.reason() == why)
            .findFirst()
            .orElseGet(() -> new Scenario(why, "TEST", "시험용으로 거절된 거래입니다."));
    }

    @Override
    public Outcome verifyCard(CardDetails card) {
        // The test environment checks number and expiry only (spec §4.9); every scenario
        // card can be registered so that its scenario shows up when it is charged.
        return armedRegistrationOr(card.number(), () -> expired(card) ? declined(EXPIRED_BY_DATE) : approved());
    }

    @Override
    public Outcome verifyAccount(AccountDetails account) {
        // Maintenance is a time of day at real banks; here one number meets it when
        // registering and
        // another registers fine and meets it when it is charged.
        return armedRegistrationOr(null, () -> account.number().equals(ACCOUNT_MAINTENANCE_AT_REGISTRATION)
                ? declined(MAINTENANCE) : approved());
    }

    @Override
    public Outcome approve(String reference, CardDetails card, Money amount) {
        // The card that never answers is recorded as held and answered unknown by
        // charged() itself; the timeout card was processed and its answer lost.
        return armedOr(reference, card.number(), amount,
                () -> charged(reference, amount, cardDecision(card), card.number().equals(CARD_TIMEOUT)));
    }

    /** What the card company does with a charge of {@code card}, answered or not. */
    private Outcome cardDecision(CardDetails card) {
        if (card.number().equals(CARD_NEVER_ANSWERS)) {
            return new Outcome.Unknown("the card company never answers");
        }
        Scenario decline = CARD_DECLINES.get(card.number());
        if (decline != null) {
            return declined(decline);
        }
        if (expired(card)) {
            return declined(EXPIRED_BY_DATE);
        }
        return approved();
    }

    /**
     * Records what the network did with a charge before answering; a request that times
     * out was processed all the same, and its caller is told nothing.
     */
    private Outcome charged(String reference, Money amount, Outcome done, boolean timesOut) {
        Outcome recorded = this.ledger.record(NetworkLedger.Operation.CHARGE, reference, null, amount, done);
        return timesOut || recorded instanceof Outcome.Unknown
                ? new Outcome.Unknown("the network did not answer in time") : recorded;
    }

    /**
     * Every app holds the same four scenario cards. Easy-pay wallets hold cards of
     * several companies, told apart by their first digits; a card company's app holds its
     * own cards, numbered like BC's.
     */
    @Override
    public List<AppCard> appCards(String provider) {
        boolean wallet = provider.endsWith("Pay");
        return List.of(new AppCard(APP_APPROVE, "결제 가능한 카드", (wallet ? "4518" : "9490") + "-****-****-4242"),
                new AppCard(APP_DECLINED, "카드사가 거절하는 카드", (wallet ? "5376" : "9490") + "-****-****-0002"),
                new AppCard(APP_INSUFFICIENT_FUNDS, "잔액이 부족한 카드", (wallet ? "3560" : "9490") + "-****-****-9995"),
                new AppCard(APP_TIMEOUT, "응답이 없는 카드 (시간 초과)", (wallet ? "2210" : "9490") + "-****-****-0119"));
    }

    @Override
    public Outcome approveInApp(String reference, String appCardToken, int installmentMonths, Money amount) {
        Scenario decline = APP_DECLINES.get(appCardToken);
        Outcome done;
        if (decline != null) {
            done = declined(decline);
        }
        else if (!appCardToken.equals(APP_APPROVE) && !appCardToken.equals(APP_TIMEOUT)) {
            done = declined(UNKNOWN_APP_CARD);
        }
        else {
            done = approved();
        }
        Outcome usual = done;
        return armedOr(reference, null, amount,
                () -> charged(reference, amount, usual, appCardToken.equals(APP_TIMEOUT)));
    }

    @Override
    public Outcome inquireInApp(String reference, String appCardToken, Money amount) {
        return inquired(reference);
    }

    /**
     * Stripe's {@code 4000000000000127} has its security code refused; any code that is
     * not 3 or 4 digits is refused too; otherwise as a domestic approval.
     */
    @Override
    public Outcome approveForeign(String reference, CardDetails card, String securityCode, Money amount) {
        if (securityCode == null || !securityCode.matches("[0-9]{3,4}") || card.number().equals(CARD_WRONG_CVC)) {
            return charged(reference, amount, declined(WRONG_SECURITY_CODE), false);
        }
        return approve(reference, card, amount);
    }

    /** As a domestic approval: the security code is not asked for again. */
    @Override
    public Outcome approveForeignRecurring(String reference, CardDetails card, Money amount) {
        return approve(reference, card, amount);
    }

    @Override
    public Outcome withdraw(String reference, AccountDetails account, Money amount) {
        Outcome done = switch (account.number()) {
            case ACCOUNT_INSUFFICIENT_FUNDS -> declined(ACCOUNT_NO_FUNDS);
            case ACCOUNT_BANK_MAINTENANCE -> declined(MAINTENANCE);
            default -> approved();
        };
        return armedOr(reference, null, amount,
                () -> charged(reference, amount, done, account.number().equals(ACCOUNT_TIMEOUT)));
    }

    @Override
    public Outcome cancel(String originalReference, String reference, Money amount) {
        Optional<Faults.Fault> armed = this.faults.takeFor(Faults.Operation.REFUND, NetworkCall.current(), null);
        if (armed.isPresent()) {
            return armedAnswer(armed.get(),
                    (done, timesOut) -> cancelled(originalReference, reference, amount, done, timesOut));
        }
        // A cancel that times out was processed all the same.
        return cancelled(originalReference, reference, amount, approved(), amount.amount() == CANCEL_TIMEOUT_AMOUNT);
    }

    /**
     * Records what the network did with a cancel before answering, as {@link #charged}
     * does for a charge.
     */
    private Outcome cancelled(String originalReference, String reference, Money amount, Outcome done,
            boolean timesOut) {
        Outcome recorded = this.ledger.record(NetworkLedger.Operation.CANCEL, reference, originalReference, amount,
                done);
        return timesOut || recorded instanceof Outcome.Unknown
                ? new Outcome.Unknown("the card company did not answer the cancel in time") : recorded;
    }

    @Override
    public Outcome inquireCancel(String originalReference, String reference, Money amount) {
        return inquired(reference);
    }

    /**
     * Answered from the ledger alone, as a real network answers: the instrument is never
     * needed.
     */
    @Override
    public Outcome inquire(String reference, Money amount, Supplier<Instrument> instrument) {
        return inquired(reference);
    }

    /** What the ledger holds for a reference; one it never saw was not processed. */
    private Outcome inquired(String reference) {
        return this.ledger.find(reference).orElseGet(() -> declined(NOT_FOUND));
    }

    private boolean expired(CardDetails card) {
        try {
            YearMonth expiry = YearMonth.of(2000 + Integer.parseInt(card.expiryYear()),
                    Integer.parseInt(card.expiryMonth()));
            return expiry.isBefore(YearMonth.now(clock.withZone(KoreanTime.ZONE)));
        }
        catch (RuntimeException e) {
            return true;
        }
    }

    private static Outcome approved() {
        return new Outcome.Approved(Tokens.digits(8));
    }

    private static Outcome declined(Scenario scenario) {
        return new Outcome.Declined(scenario.reason(), scenario.code(), scenario.message());
    }

}
