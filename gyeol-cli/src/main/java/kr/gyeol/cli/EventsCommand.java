package kr.gyeol.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.WebhookLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gyeol events}: the partner's webhook events, followed, and sent again. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "The partner's latest webhook events, oldest first, with their delivery state.",
        subcommands = EventsCommand.Resend.class)
final class EventsCommand implements Callable<Integer> {

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only events of this type: PAYMENT, CANCEL, BILLING_KEY_REGISTERED, SUBSCRIPTION_RENEWED, …")
    String type;

    @Option(names = "--limit", defaultValue = "20",
            description = "How many of the latest (1 to 500; ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--follow", description = "Keep printing events as they come, until interrupted (Ctrl-C).")
    boolean follow;

    @Option(names = "--interval", defaultValue = "1s", hidden = true)
    String interval;

    @Mixin
    Options options;

    @ParentCommand
    GyeolCli root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (this.limit < 1 || this.limit > 500) {
            throw new Refusal(Exit.USAGE, "--limit is 1 to 500");
        }
        GyeolClient client = this.root.connection(this.options).client();
        boolean json = this.options.over(this.root.options).json;
        GyeolCli.Output output = new GyeolCli.Output(this.spec.commandLine().getOut(), json);
        Set<String> shown = new HashSet<>();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (WebhookLog.Event event : Follow.oldestFirst(client.webhookLog().latest(this.limit))) {
            shown.add(event.id());
            if (matches(event)) {
                print(output, event, json && this.follow);
                listed.add(view(event));
            }
        }
        if (listed.isEmpty() && !this.follow) {
            output.line("No events" + (this.type == null ? "" : " of type " + this.type)
                    + " yet (a partner without a webhook receiver has none).");
        }
        if (!this.follow) {
            output.put("events", listed);
            output.end();
            return Exit.OK;
        }
        Duration every = Follow.every(this.interval);
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(every);
            for (WebhookLog.Event event : Follow.oldestFirst(client.webhookLog().latest(100))) {
                if (shown.add(event.id()) && matches(event)) {
                    print(output, event, json);
                }
            }
        }
        return Exit.OK;
    }

    private boolean matches(WebhookLog.Event event) {
        return this.type == null || event.type().equalsIgnoreCase(this.type.trim().toUpperCase(Locale.ROOT));
    }

    private static void print(GyeolCli.Output output, WebhookLog.Event event, boolean jsonLine) {
        if (jsonLine) {
            output.jsonLine(view(event));
            return;
        }
        WebhookLog.Attempt last = event.deliveries().isEmpty() ? null
                : event.deliveries().get(event.deliveries().size() - 1);
        String answer = last == null ? "not attempted yet" : last.statusCode() != null
                ? "HTTP " + last.statusCode() + " in " + last.latencyMs() + " ms" : last.error();
        output.line(String.format("%s  %-26s %-9s %d attempt(s), %s  %s (%s)", event.createdAt(), event.type(),
                event.status(), event.attempts(), answer, event.id(), event.subject()));
    }

    private static Map<String, Object> view(WebhookLog.Event event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", event.id());
        view.put("type", event.type());
        view.put("subject", event.subject());
        view.put("status", event.status());
        view.put("createdAt", event.createdAt());
        view.put("deliveredAt", event.deliveredAt());
        view.put("attempts", event.attempts());
        view.put("deliveries", event.deliveries());
        return view;
    }

    @Command(name = "resend", mixinStandardHelpOptions = true,
            description = "Deliver an event again, with its first body, id and signature scheme.")
    static final class Resend implements Callable<Integer> {

        @Parameters(paramLabel = "EVENT", description = "The event's id (its webhook-id).")
        String eventId;

        @Mixin
        Options options;

        @ParentCommand
        EventsCommand events;

        @Override
        public Integer call() {
            GyeolCli root = this.events.root;
            GyeolClient client = root.connection(this.options.over(this.events.options)).client();
            GyeolCli.Output output = root.output(this.options.over(this.events.options), this.events.spec);
            client.webhookLog().resend(this.eventId);
            output.line("Event " + this.eventId + " will be delivered again.");
            output.put("resent", this.eventId);
            output.end();
            return Exit.OK;
        }

    }

}
