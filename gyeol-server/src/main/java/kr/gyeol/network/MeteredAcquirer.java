package kr.gyeol.network;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import kr.gyeol.shared.Money;

/**
 * Times every call to the network, whichever {@link Acquirer} is configured: the timer
 * {@code gyeol.network.calls} with the call's name and its outcome ({@code approved},
 * {@code declined}, {@code unknown}, or {@code error} when the acquirer threw). It
 * decides nothing and changes no answer.
 */
final class MeteredAcquirer implements Acquirer {

    private final Acquirer network;

    private final MeterRegistry registry;

    /** Registered once per call and outcome, not looked up in the registry each time. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    MeteredAcquirer(Acquirer network, MeterRegistry registry) {
        this.network = network;
        this.registry = registry;
    }

    private Outcome timed(String call, Supplier<Outcome> request) {
        long started = System.nanoTime();
        String result = "error";
        try {
            Outcome outcome = request.get();
            result = switch (outcome) {
                case Outcome.Approved approved -> "approved";
                case Outcome.Declined declined -> "declined";
                case Outcome.Unknown unknown -> "unknown";
            };
            return outcome;
        }
        finally {
            timer(call, result).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String call, String result) {
        return this.timers.computeIfAbsent(call + "/" + result,
                (key) -> Timer.builder("gyeol.network.calls")
                    .description("Calls to the card and bank networks, by call and outcome")
                    .tag("call", call)
                    .tag("outcome", result)
                    .publishPercentileHistogram()
                    .register(this.registry));
    }

    @Override
    public Outcome verifyCard(CardDetails card) {
        return timed("verifyCard", () -> this.network.verifyCard(card));
    }

    @Override
    public Outcome verifyAccount(AccountDetails account) {
        return timed("verifyAccount", () -> this.network.verifyAccount(account));
    }

    @Override
    public Outcome approve(String reference, CardDetails card, Money amount) {
        return timed("approve", () -> this.network.approve(reference, card, amount));
    }

    @Override
    public List<AppCard> appCards(String provider) {
        return this.network.appCards(provider);
    }

    @Override
    public Outcome approveInApp(String reference, String appCardToken, int installmentMonths, Money amount) {
        return timed("approveInApp",
                () -> this.network.approveInApp(reference, appCardToken, installmentMonths, amount));
    }

    @Override
    public Outcome inquireInApp(String reference, String appCardToken, Money amount) {
        return timed("inquireInApp", () -> this.network.inquireInApp(reference, appCardToken, amount));
    }

    @Override
    public Outcome approveForeign(String reference, CardDetails card, String securityCode, Money amount) {
        return timed("approveForeign", () -> this.network.approveForeign(reference, card, securityCode, amount));
    }

    @Override
    public Outcome approveForeignRecurring(String reference, CardDetails card, Money amount) {
        return timed("approveForeignRecurring", () -> this.network.approveForeignRecurring(reference, card, amount));
    }

    @Override
    public Outcome withdraw(String reference, AccountDetails account, Money amount) {
        return timed("withdraw", () -> this.network.withdraw(reference, account, amount));
    }

    @Override
    public Outcome cancel(String originalReference, String reference, Money amount) {
        return timed("cancel", () -> this.network.cancel(originalReference, reference, amount));
    }

    @Override
    public Outcome inquire(String reference, Money amount, Supplier<Instrument> instrument) {
        return timed("inquire", () -> this.network.inquire(reference, amount, instrument));
    }

    @Override
    public Outcome inquireCancel(String originalReference, String reference, Money amount) {
        return timed("inquireCancel", () -> this.network.inquireCancel(originalReference, reference, amount));
    }

}
