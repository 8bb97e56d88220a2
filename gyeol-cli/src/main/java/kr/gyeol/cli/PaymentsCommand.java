package kr.gyeol.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.PaymentLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gyeol payments}: the partner's latest payments, followed as they come and
 * change, and one payment's whole history.
 */
@Command(name = "payments", mixinStandardHelpOptions = true,
        description = "The partner's latest payments, oldest first; with --follow, new ones and changes as they come.",
        subcommands = PaymentsCommand.Show.class)
final class PaymentsCommand implements Callable<Integer> {

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only payments in this state: APPROVED, DECLINED, UNKNOWN, REFUNDED, …")
    String status;

    @Option(names = "--limit", defaultValue = "20",
            description = "How many of the latest (1 to 500; ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--follow",
            description = "Keep printing payments as they come or change state, until interrupted (Ctrl-C).")
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
        // What was shown of each payment: its state, so a change shows once.
        Map<String, String> shown = new HashMap<>();
        List<PaymentLog.Payment> listed = new ArrayList<>();
        for (PaymentLog.Payment payment : Follow.oldestFirst(client.paymentLog().latest(this.limit))) {
            shown.put(payment.id(), payment.status());
            if (matches(payment)) {
                print(output, payment, null, json && this.follow);
                listed.add(payment);
            }
        }
        if (listed.isEmpty() && !this.follow) {
            output.line(
                    "No payments" + (this.status == null ? "" : " " + this.status.toUpperCase(Locale.ROOT)) + " yet.");
        }
        if (!this.follow) {
            output.put("payments", listed);
            output.end();
            return Exit.OK;
        }
        Duration every = Follow.every(this.interval);
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(every);
            for (PaymentLog.Payment payment : Follow.oldestFirst(client.paymentLog().latest(100))) {
                String before = shown.put(payment.id(), payment.status());
                if (!payment.status().equals(before) && matches(payment)) {
                    print(output, payment, before, json);
                }
            }
        }
        return Exit.OK;
    }

    private boolean matches(PaymentLog.Payment payment) {
        return this.status == null || payment.status().equalsIgnoreCase(this.status.trim());
    }

    /** One line, or one JSON line; {@code before} is the state it had when last shown. */
    private static void print(GyeolCli.Output output, PaymentLog.Payment payment, String before, boolean jsonLine) {
        if (jsonLine) {
            output.jsonLine(payment);
            return;
        }
        output.line(String.format("%s  %-9s %s  %-24s %s  %s%s", payment.requestedAt(),
                before == null ? payment.status() : before + " → " + payment.status(), amount(payment),
                payment.orderId(), drawnOn(payment), payment.id(),
                payment.decline() == null ? "" : "  (" + payment.decline().institutionMessage() + ")"));
    }

    static String amount(PaymentLog.Payment payment) {
        String text = "KRW".equals(payment.currency()) ? String.format(Locale.ROOT, "%,d", payment.amount())
                : String.format(Locale.ROOT, "%,.2f", payment.amount() / 100.0);
        return String.format("%12s %s", text, payment.currency());
    }

    private static String drawnOn(PaymentLog.Payment payment) {
        return (payment.instrument() == null ? "" : payment.instrument())
                + (payment.maskedNumber() == null ? "" : " " + payment.maskedNumber());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A payment's history: the payment, its refunds, and its webhooks with every attempt.")
    static final class Show implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The payment's order id (PCD_PAY_OID) or Gyeol's payment id.")
        String id;

        @Mixin
        Options options;

        @ParentCommand
        PaymentsCommand payments;

        @Override
        public Integer call() {
            GyeolCli root = this.payments.root;
            Options chosen = this.options.over(this.payments.options);
            GyeolClient client = root.connection(chosen).client();
            GyeolCli.Output output = root.output(chosen, this.payments.spec);
            PaymentLog.History history = client.paymentLog().history(this.id);
            PaymentLog.Payment payment = history.payment();
            output.line("Payment " + payment.id() + "  order " + payment.orderId() + "  (" + payment.api() + ")");
            output.line("  " + payment.status() + "  " + amount(payment).trim() + "  " + drawnOn(payment).trim()
                    + (payment.institution() == null ? "" : " (" + payment.institution() + ")"));
            output.line("  requested " + payment.requestedAt()
                    + (payment.completedAt() == null ? "" : ", completed " + payment.completedAt())
                    + (payment.approvalNumber() == null ? "" : ", approval " + payment.approvalNumber()));
            if (payment.decline() != null) {
                output.line("  declined: " + payment.decline().reason() + " " + payment.decline().institutionCode()
                        + " " + payment.decline().institutionMessage());
            }
            if ("APPROVED".equals(payment.status()) || !history.refunds().isEmpty()) {
                output.line("  refundable: " + String.format(Locale.ROOT, "%,d", history.refundable()));
            }
            output.line("Refunds" + (history.refunds().isEmpty() ? ": none" : ""));
            for (PaymentLog.Refund refund : history.refunds()) {
                output.line(String.format("  %s  %-8s %,d  %s", refund.requestedAt(), refund.status(), refund.amount(),
                        refund.id()));
            }
            output.line("Webhooks" + (history.webhooks().isEmpty() ? ": none" : ""));
            for (PaymentLog.Webhook webhook : history.webhooks()) {
                output.line(String.format("  %s  %-12s %-9s %s", webhook.createdAt(), webhook.type(), webhook.status(),
                        webhook.id()));
                if (webhook.attempts().isEmpty()) {
                    output.line("    not attempted yet");
                }
                for (PaymentLog.Attempt attempt : webhook.attempts()) {
                    output.line(String.format("    attempt %d  %s  %s in %d ms", attempt.number(), attempt.at(),
                            attempt.statusCode() != null ? "HTTP " + attempt.statusCode() : attempt.error(),
                            attempt.latencyMs()));
                }
            }
            output.put("history", history);
            output.end();
            return Exit.OK;
        }

    }

}
