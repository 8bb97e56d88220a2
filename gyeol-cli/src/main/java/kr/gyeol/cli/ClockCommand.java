package kr.gyeol.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.gyeol.client.ClockAdvance;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.TestClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gyeol clock}: a test clock's time, and moving it forward. */
@Command(name = "clock", mixinStandardHelpOptions = true, description = "Test clocks.",
        subcommands = { ClockCommand.Advance.class, ClockCommand.Create.class })
final class ClockCommand implements Runnable {

    @ParentCommand
    GyeolCli root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        this.spec.commandLine().usage(this.spec.commandLine().getOut());
    }

    /** Months, days and the rest, counted in Korean time as the gateway bills. */
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private static final Pattern AMOUNT = Pattern.compile("([0-9]{1,6})(y|M|w|d|h|m|s)");

    /**
     * The instant {@code amount} after {@code from}: {@code 1M}, {@code 10d}, {@code 2h},
     * …
     */
    static Instant after(Instant from, String amount) {
        Matcher matcher = AMOUNT.matcher(amount.trim());
        if (!matcher.matches()) {
            throw new Refusal(Exit.USAGE,
                    "an amount of time is a number and a unit: y, M (months), w, d, h, m (minutes) or s; not "
                            + amount);
        }
        int count = Integer.parseInt(matcher.group(1));
        return switch (matcher.group(2)) {
            case "y" -> from.atZone(KOREA).plus(Period.ofYears(count)).toInstant();
            case "M" -> from.atZone(KOREA).plus(Period.ofMonths(count)).toInstant();
            case "w" -> from.atZone(KOREA).plus(Period.ofWeeks(count)).toInstant();
            case "d" -> from.atZone(KOREA).plus(Period.ofDays(count)).toInstant();
            case "h" -> from.plus(Duration.ofHours(count));
            case "m" -> from.plus(Duration.ofMinutes(count));
            default -> from.plus(Duration.ofSeconds(count));
        };
    }

    @Command(name = "advance", mixinStandardHelpOptions = true,
            description = "Move a test clock forward; every renewal, failed charge and dunning retry that falls due runs.")
    static final class Advance implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "CLOCK", description = "The clock's id (clock_…).")
        String clockId;

        @Parameters(index = "1", paramLabel = "AMOUNT", description = "How far: 1M, 10d, 2h, 1y, …")
        String amount;

        @Mixin
        Options options;

        @ParentCommand
        ClockCommand clock;

        @Override
        public Integer call() {
            GyeolCli root = this.clock.root;
            GyeolClient client = root.connection(this.options).client();
            GyeolCli.Output output = root.output(this.options, this.clock.spec);
            TestClock current = client.billing().testClock(this.clockId);
            Instant to = after(current.frozenTime(), this.amount);
            ClockAdvance moved = client.billing().advance(this.clockId, to);
            output.line("Clock " + moved.id() + " moved from " + current.frozenTime() + " to " + moved.frozenTime()
                    + ": " + moved.steps() + " step(s) ran"
                    + (moved.stillDue() > 0 ? ", " + moved.stillDue() + " still due" : "") + ".");
            output.put("clock", moved.id());
            output.put("from", current.frozenTime().toString());
            output.put("to", moved.frozenTime().toString());
            output.put("steps", moved.steps());
            output.put("stillDue", moved.stillDue());
            output.end();
            return Exit.OK;
        }

    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a test clock, frozen now (subscriptions attach to it with its id).")
    static final class Create implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", defaultValue = "gyeol-cli", description = "Its name.")
        String name;

        @Mixin
        Options options;

        @ParentCommand
        ClockCommand clock;

        @Override
        public Integer call() {
            GyeolCli root = this.clock.root;
            GyeolClient client = root.connection(this.options).client();
            GyeolCli.Output output = root.output(this.options, this.clock.spec);
            TestClock made = client.billing().createTestClock(this.name, null);
            output.line("Clock " + made.id() + " frozen at " + made.frozenTime() + ".");
            output.put("clock", made.id());
            output.put("frozenTime", made.frozenTime().toString());
            output.end();
            return Exit.OK;
        }

    }

}
