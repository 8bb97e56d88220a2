package kr.gyeol.network.simulator;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import kr.gyeol.network.AccountDetails;
import kr.gyeol.network.Acquirer;
import kr.gyeol.network.CardDetails;
import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.Outcome;
import kr.gyeol.shared.KoreanTime;
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
    static final String ACCOUNT_INSUFFICIENT_FUNDS = "1000000009995";
    static final String ACCOUNT_BANK_MAINTENANCE = "1000000009998";
    static final String ACCOUNT_MAINTENANCE_AT_REGISTRATION = "1000000009997";
    static final String ACCOUNT_TIMEOUT = "1000000000119";

    /** Cancels carry no card number, so their timeout scenario is an amount. */
    static final long CANCEL_TIMEOUT_AMOUNT = 1_119;

    private static final Map<String, Scenario> CARD_DECLINES = Map.of(CARD_DECLINED,
            new Scenario(DeclineReason.GENERIC, "3143", "카드사 문의 바랍니다."), CARD_INSUFFICIENT_FUNDS,
            new Scenario(DeclineReason.INSUFFICIENT_FUNDS, "3133", "잔액이 부족합니다."), CARD_EXPIRED,
            new Scenario(DeclineReason.EXPIRED_CARD, "3100", "유효기간이 만료되었습니다."));

    private static final Scenario EXPIRED_BY_DATE = new Scenario(DeclineReason.EXPIRED_CARD, "3119", "유효기간 오류입니다.");

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
    public Outcome approve(String reference, CardDetails card, long amount) {
        if (card.number().equals(CARD_TIMEOUT)) {
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

    @Override
    public Outcome withdraw(String reference, AccountDetails account, long amount) {
        return switch (account.number()) {
            case ACCOUNT_TIMEOUT -> new Outcome.Unknown("the bank did not answer in time");
            case ACCOUNT_INSUFFICIENT_FUNDS -> declined(ACCOUNT_NO_FUNDS);
            case ACCOUNT_BANK_MAINTENANCE -> declined(MAINTENANCE);
            default -> approved();
        };
    }

    @Override
    public Outcome cancel(String originalReference, String reference, long amount) {
        if (amount == CANCEL_TIMEOUT_AMOUNT) {
            return new Outcome.Unknown("the card company did not answer the cancel in time");
        }
        return approved();
    }

    @Override
    public Outcome inquireCancel(String originalReference, String reference, long amount) {
        // A cancel that timed out was processed all the same.
        return approved();
    }

    @Override
    public Outcome inquire(String reference, CardDetails card, AccountDetails account, long amount) {
        if (card != null) {
            if (card.number().equals(CARD_TIMEOUT)) {
                return approved();
            }
            return approve(reference, card, amount);
        }
        if (account.number().equals(ACCOUNT_TIMEOUT)) {
            return approved();
        }
        return withdraw(reference, account, amount);
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
