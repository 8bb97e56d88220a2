package kr.gyeol.network.simulator;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kr.gyeol.network.AccountDetails;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.AppCard;
import kr.gyeol.network.CardDetails;
import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.Instrument;
import kr.gyeol.network.Outcome;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.Tokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default network: deterministic by card or account number, stateless, so every node
 * answers the same and a restart forgets nothing. Scenario numbers reuse Stripe's
 * well-known test cards.
 *
 * <p>
 * A charge that times out was in fact processed by the simulated network, so asking about
 * it later finds it approved: the case a reconciler exists for.
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

    private final Clock clock;

    SimulatedAcquirer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Outcome verifyCard(CardDetails card) {
        // The test environment checks number and expiry only (spec §4.9); every scenario
        // card can be
        // registered so that its scenario shows up when it is charged.
        if (expired(card)) {
            return declined(EXPIRED_BY_DATE);
        }
        return approved();
    }

    @Override
    public Outcome verifyAccount(AccountDetails account) {
        // Maintenance is a time of day at real banks; here one number meets it when
        // registering and
        // another registers fine and meets it when it is charged.
        if (account.number().equals(ACCOUNT_MAINTENANCE_AT_REGISTRATION)) {
            return declined(MAINTENANCE);
        }
        return approved();
    }

    @Override
    public Outcome approve(String reference, CardDetails card, Money amount) {
        if (card.number().equals(CARD_TIMEOUT) || card.number().equals(CARD_NEVER_ANSWERS)) {
            return new Outcome.Unknown("the card company did not answer in time");
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
        if (appCardToken.equals(APP_TIMEOUT)) {
            return new Outcome.Unknown("the card company did not answer in time");
        }
        Scenario decline = APP_DECLINES.get(appCardToken);
        if (decline != null) {
            return declined(decline);
        }
        if (!appCardToken.equals(APP_APPROVE)) {
            return declined(UNKNOWN_APP_CARD);
        }
        return approved();
    }

    @Override
    public Outcome inquireInApp(String reference, String appCardToken, Money amount) {
        // Like a card charge, an app charge that timed out was processed all the same.
        return appCardToken.equals(APP_TIMEOUT) ? approved() : approveInApp(reference, appCardToken, 0, amount);
    }

    /**
     * Stripe's {@code 4000000000000127} has its security code refused; any code that is
     * not 3 or 4 digits is refused too; otherwise as a domestic approval.
     */
    @Override
    public Outcome approveForeign(String reference, CardDetails card, String securityCode, Money amount) {
        if (securityCode == null || !securityCode.matches("[0-9]{3,4}") || card.number().equals(CARD_WRONG_CVC)) {
            return declined(WRONG_SECURITY_CODE);
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
        return switch (account.number()) {
            case ACCOUNT_TIMEOUT -> new Outcome.Unknown("the bank did not answer in time");
            case ACCOUNT_INSUFFICIENT_FUNDS -> declined(ACCOUNT_NO_FUNDS);
            case ACCOUNT_BANK_MAINTENANCE -> declined(MAINTENANCE);
            default -> approved();
        };
    }

    @Override
    public Outcome cancel(String originalReference, String reference, Money amount) {
        if (amount.amount() == CANCEL_TIMEOUT_AMOUNT) {
            return new Outcome.Unknown("the card company did not answer the cancel in time");
        }
        return approved();
    }

    @Override
    public Outcome inquireCancel(String originalReference, String reference, Money amount) {
        // A cancel that timed out was processed all the same.
        return approved();
    }

    /**
     * Being stateless, the simulator answers from the instrument as it did at the charge,
     * so it is the one acquirer that needs the key decrypted to be asked.
     */
    @Override
    public Outcome inquire(String reference, Money amount, Supplier<Instrument> instrument) {
        return switch (instrument.get()) {
            case CardDetails card -> card.number().equals(CARD_TIMEOUT) ? approved() : approve(reference, card, amount);
            case AccountDetails account ->
                account.number().equals(ACCOUNT_TIMEOUT) ? approved() : withdraw(reference, account, amount);
        };
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
