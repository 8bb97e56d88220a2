package kr.gyeol.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import kr.gyeol.client.AuthenticationException;
import kr.gyeol.client.GyeolException;
import kr.gyeol.client.InvalidRequestException;
import kr.gyeol.client.OutcomeUnknownException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gyeol}: a running gateway's sandbox from a terminal. Each command talks to the
 * gateway over HTTP as one partner ({@link Connection}); a refusal is one line on the
 * standard error and an exit code ({@link Exit}), never a stack trace.
 */
@Command(name = "gyeol", mixinStandardHelpOptions = true, versionProvider = GyeolCli.Version.class,
        description = "Gyeol's sandbox from a terminal: trigger flows, follow and resend webhooks, settle, move test clocks.",
        subcommands = { ListenCommand.class, TriggerCommand.class, EventsCommand.class, PaymentsCommand.class,
                SettleCommand.class, ClockCommand.class, LoginCommand.class, AutoComplete.GenerateCompletion.class,
                CommandLine.HelpCommand.class },
        footer = { "", "Exit codes: 0 done, 1 refused by the gateway, 2 wrong command line,",
                "3 no gateway answers, 4 credentials refused." })
public final class GyeolCli implements Runnable {

    /**
     * The commands, for the gateway's main to tell a command from a gateway option: read
     * from the subcommands declared above, so that none can be missing (a command the
     * main did not know would start a gateway instead).
     */
    public static final Set<String> COMMANDS = commands();

    private static Set<String> commands() {
        Set<String> names = new java.util.HashSet<>();
        for (Class<?> command : GyeolCli.class.getAnnotation(Command.class).subcommands()) {
            Command declared = command.getAnnotation(Command.class);
            names.add(declared.name());
            names.addAll(java.util.List.of(declared.aliases()));
        }
        return Set.copyOf(names);
    }

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    Map<String, String> environment = System.getenv();

    /** The clock the client dates its lookups by: the system's, or a test's. */
    java.time.Clock clock = java.time.Clock.systemUTC();

    @Override
    public void run() {
        this.spec.commandLine().usage(this.spec.commandLine().getOut());
    }

    /** The options the command line takes before its command. */
    private static final Set<String> OPTIONS = Set.of("--base", "--partner", "--key", "--refund-key", "--profile",
            "--json", "--help", "-h", "--version", "-V");

    /**
     * Whether {@code gyeol-server.jar <first argument> …} is the command line rather than
     * the gateway: a command, or one of the command line's own options (the gateway's are
     * Spring properties, {@code --name.of.property=value}).
     */
    public static boolean handles(String firstArgument) {
        int equals = firstArgument.indexOf('=');
        return COMMANDS.contains(firstArgument)
                || OPTIONS.contains(equals < 0 ? firstArgument : firstArgument.substring(0, equals));
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs a command line; its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(args, out, err, environment, java.time.Clock.systemUTC());
    }

    /**
     * The same, the client dating its lookups by {@code clock} (a test's gateway clock).
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
            java.time.Clock clock) {
        GyeolCli root = new GyeolCli();
        root.environment = environment;
        root.clock = clock;
        CommandLine line = new CommandLine(root);
        line.setOut(out);
        line.setErr(err);
        line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.AUTO));
        line.setExecutionExceptionHandler((ex, command, parsed) -> {
            Refusal refusal = refusal(ex, root);
            err.println("gyeol: " + refusal.getMessage());
            err.flush();
            return refusal.exitCode();
        });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** What an exception means to the person at the terminal, in one line. */
    static Refusal refusal(Exception ex, GyeolCli root) {
        if (ex instanceof Refusal refusal) {
            return refusal;
        }
        String base = root.base == null ? "the gateway's base URL" : root.base;
        if (ex instanceof AuthenticationException refused) {
            return new Refusal(Exit.CREDENTIALS, "the gateway refused the partner's credentials (" + refused.code()
                    + "): check --partner and --key");
        }
        if (ex instanceof OutcomeUnknownException unknown && unknown.code() == null
                && causedBy(ex, IOException.class)) {
            return new Refusal(Exit.UNREACHABLE, "no gateway answers at " + base + " (" + unknown.getMessage() + ")");
        }
        if (ex instanceof InvalidRequestException invalid) {
            return new Refusal(Exit.REFUSED, "refused: " + invalid.code() + " " + invalid.getMessage());
        }
        if (ex instanceof GyeolException gyeol) {
            return new Refusal(Exit.REFUSED, gyeol.getMessage());
        }
        return new Refusal(Exit.REFUSED,
                "failed: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The base URL of the last connection made, for a refusal to name. */
    private String base;

    /** The connection of a command whose own options are {@code own}. */
    Connection connection(Options own) {
        Connection connection = Connection.of(own.over(this.options), this.environment, this.clock);
        this.base = connection.base();
        return connection;
    }

    /** The output of a command whose own options are {@code own}. */
    Output output(Options own, CommandSpec command) {
        return new Output(command.commandLine().getOut(), own.over(this.options).json);
    }

    /** Text lines, or one JSON document with {@code --json}. */
    static final class Output {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final PrintWriter out;

        private final boolean json;

        private final Map<String, Object> document = new LinkedHashMap<>();

        Output(PrintWriter out, boolean json) {
            this.out = out;
            this.json = json;
        }

        /** A line of text (not printed with --json). */
        void line(String text) {
            if (!this.json) {
                this.out.println(text);
            }
        }

        /** A value of the JSON document (printed by {@link #end()}). */
        void put(String name, Object value) {
            this.document.put(name, value);
        }

        /** Prints the JSON document, with --json. */
        void end() {
            if (this.json) {
                this.out.println(JSON.writeValueAsString(this.document));
            }
            this.out.flush();
        }

        /** Prints one JSON line now, with --json (a followed stream). */
        void jsonLine(Object value) {
            if (this.json) {
                this.out.println(JSON.writeValueAsString(value));
                this.out.flush();
            }
        }

    }

    /** The version, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = GyeolCli.class.getPackage().getImplementationVersion();
            return new String[] { "gyeol " + (version == null ? "(development)" : version) };
        }

    }

}
