package kr.gyeol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.support.TestKitCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code gyeol} command line against a running gateway, as a shop developer types it:
 * what each command makes and prints, its JSON for scripts, and one line and an exit code
 * for every refusal.
 */
class GyeolCliIT extends GatewayTest {

    @TempDir
    Path home;

    /** What a command printed and how it ended. */
    private record Run(int exit, String out, String err) {

        Map<String, Object> json() {
            return JsonMapper.builder().build().readValue(this.out, new TypeReference<Map<String, Object>>() {
            });
        }

    }

    /** A test-kit partner: id, key, refund key, webhook secret. */
    private record Partner(String id, String key, String refundKey, String webhookSecret) {

        Partner(String id, String key, String refundKey) {
            this(id, key, refundKey, null);
        }

    }

    private Partner newPartner() throws Exception {
        // A receiver that never answers: events are kept, and listed, all the same.
        Map<String, Object> partner = TestKitCalls.newPartner(this.payple.baseUrl(),
                "{\"webhookUrl\":\"http://127.0.0.1:9/hook\"}");
        return new Partner((String) partner.get("cstId"), (String) partner.get("custKey"),
                (String) partner.get("refundKey"), (String) partner.get("webhookSecret"));
    }

    private Run gyeol(Partner partner, String... args) {
        List<String> line = new ArrayList<>(
                List.of("--base", this.payple.baseUrl(), "--profile", this.home.resolve("none.properties").toString()));
        if (partner != null) {
            line.addAll(List.of("--partner", partner.id(), "--key", partner.key()));
            if (partner.refundKey() != null) {
                line.addAll(List.of("--refund-key", partner.refundKey()));
            }
        }
        line.addAll(List.of(args));
        return run(line.toArray(String[]::new));
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // The client dates its lookups by the gateway's clock, which other tests move.
        int exit = GyeolCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), this.clock);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void triggerRunsRealFlowsAndSaysWhatItMade() throws Exception {
        // The gateway's days are not the machine's (other tests move its clock): the
        // command line dates its lookups and refunds by the gateway's answers.
        this.clock.advance(java.time.Duration.ofDays(3));
        Partner partner = newPartner();
        Run list = gyeol(partner, "trigger", "--list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("payment.approved", "payment.declined", "payment.unknown", "refund.partial",
                "billing-key.registered", "billing-key.revoked", "subscription.renewed", "subscription.past-due",
                "gpay.approved");

        Run approved = gyeol(partner, "trigger", "payment.approved", "--json");
        assertThat(approved.exit()).as(approved.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> payment = (Map<String, Object>) approved.json().get("payment");
        assertThat(payment).containsEntry("status", "APPROVED").containsEntry("amount", 1000);
        String orderId = (String) payment.get("orderId");
        assertThat(new PaypleTestClient(this.payple.baseUrl(), partner.id(), partner.key())
            .call(Map.of("PCD_PAYCHK_FLAG", "Y"),
                    Map.of("PCD_PAY_OID", orderId, "PCD_PAY_DATE",
                            kr.gyeol.shared.KoreanTime.date(this.clock.instant()), "PCD_PAY_TYPE", "card")))
            .containsEntry("PCD_PAY_RST", "success");

        assertThat(gyeol(partner, "trigger", "payment.declined").out()).contains("declined");
        Run unknown = gyeol(partner, "trigger", "payment.unknown");
        assertThat(unknown.out()).contains("unknown (SPCD1001)");
        Run settled = gyeol(partner, "settle");
        assertThat(settled.exit()).isZero();
        assertThat(gyeol(partner, "trigger", "refund.partial").out()).contains("Refunded 1000 won");
        assertThat(gyeol(partner, "trigger", "billing-key.revoked").out()).contains("Revoked billing key");

        Run renewed = gyeol(partner, "trigger", "subscription.renewed", "--json");
        assertThat(renewed.exit()).as(renewed.err()).isZero();
        assertThat((Map<Object, Object>) renewed.json().get("subscription")).containsEntry("status", "ACTIVE")
            .containsEntry("periodNumber", 1);
        Run pastDue = gyeol(partner, "trigger", "subscription.past-due", "--json");
        assertThat((Map<Object, Object>) pastDue.json().get("subscription")).containsEntry("status", "PAST_DUE");
        // The overseas window as a customer walks it, then its billing key charged.
        Run overseas = gyeol(partner, "trigger", "gpay.approved", "--json");
        assertThat(overseas.exit()).as(overseas.err()).isZero();
        Map<Object, Object> windowPayment = (Map<Object, Object>) overseas.json().get("payment");
        assertThat(windowPayment).containsEntry("status", "APPROVED").containsEntry("currency", "USD");
        assertThat((Map<Object, Object>) overseas.json().get("charge")).containsEntry("status", "APPROVED");
        Map<String, Object> history = (Map<String, Object>) gyeol(partner, "payments", "show",
                (String) windowPayment.get("orderId"), "--json")
            .json()
            .get("history");
        assertThat((Map<String, Object>) history.get("payment")).containsEntry("api", "GPAY")
            .containsEntry("status", "APPROVED")
            .containsEntry("amount", 100)
            .containsEntry("currency", "USD");
        assertThat(gyeol(partner, "trigger", "gpay.approved").out()).contains("in the overseas window: approved")
            .contains("Charged the billing key 1.00 USD");
        // No secret is ever printed.
        for (Run run : List.of(approved, unknown, settled, renewed, pastDue, overseas)) {
            assertThat(run.out() + run.err()).doesNotContain(partner.key()).doesNotContain(partner.refundKey());
        }
    }

    @Test
    void eventsListsTheWebhooksAndResendsOne() throws Exception {
        Partner partner = newPartner();
        assertThat(gyeol(partner, "trigger", "payment.approved").exit()).isZero();
        Run events = gyeol(partner, "events", "--type", "payment", "--json");
        assertThat(events.exit()).as(events.err()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) events.json().get("events");
        assertThat(listed).isNotEmpty().allSatisfy((event) -> assertThat(event).containsEntry("type", "PAYMENT"));
        String id = (String) listed.get(0).get("id");
        assertThat(gyeol(partner, "events").out()).contains(id).contains("BILLING_KEY_REGISTERED");

        Run resent = gyeol(partner, "events", "resend", id);
        assertThat(resent.exit()).as(resent.err()).isZero();
        assertThat(resent.out()).contains(id);
        // Another partner's event is not this partner's.
        Run stranger = gyeol(newPartner(), "events", "resend", id);
        assertThat(stranger.exit()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void paymentsListsShowsAHistoryAndFollowsNewPaymentsAndChanges() throws Exception {
        Partner partner = newPartner();
        Run approved = gyeol(partner, "trigger", "payment.approved", "--json");
        String orderId = (String) ((Map<?, ?>) approved.json().get("payment")).get("orderId");

        Run listed = gyeol(partner, "payments", "--json");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat((List<Map<String, Object>>) listed.json().get("payments")).singleElement()
            .satisfies((payment) -> assertThat(payment).containsEntry("orderId", orderId)
                .containsEntry("status", "APPROVED")
                .containsEntry("amount", 1000));
        assertThat(gyeol(partner, "payments").out()).contains(orderId).contains("APPROVED").contains("1,000 KRW");
        assertThat(gyeol(partner, "payments", "--status", "DECLINED").out()).contains("No payments DECLINED yet.");

        Run shown = gyeol(partner, "payments", "show", orderId);
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("order " + orderId)
            .contains("refundable: 1,000")
            .contains("Refunds: none")
            .contains("PAYMENT")
            .contains("not attempted yet");
        Map<String, Object> history = (Map<String, Object>) gyeol(partner, "payments", "show", orderId, "--json").json()
            .get("history");
        assertThat((Map<String, Object>) history.get("payment")).containsEntry("orderId", orderId);
        Run missing = gyeol(partner, "payments", "show", "no-such-order");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no-such-payment").doesNotContain("Exception");
        assertThat(gyeol(newPartner(), "payments", "show", orderId).exit()).as("another partner's").isEqualTo(1);

        // Followed: a payment that comes, and its change from unknown to settled.
        StringWriter out = new StringWriter();
        List<String> follow = List.of("--base", this.payple.baseUrl(), "--profile",
                this.home.resolve("none.properties").toString(), "--partner", partner.id(), "--key", partner.key(),
                "payments", "--follow", "--interval", "1s");
        Thread following = Thread.ofPlatform()
            .start(() -> GyeolCli.run(follow.toArray(String[]::new), new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true), Map.of(), this.clock));
        try {
            org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> out.toString().contains(orderId));
            Run unknown = gyeol(partner, "trigger", "payment.unknown", "--json");
            String unknownOrder = (String) ((Map<?, ?>) unknown.json().get("payment")).get("orderId");
            org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> out.toString().contains(unknownOrder));
            assertThat(gyeol(partner, "settle").exit()).isZero();
            org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> out.toString().contains("UNKNOWN → "));
            assertThat(out.toString()).doesNotContain(partner.key());
        }
        finally {
            following.interrupt();
            following.join(5_000);
        }
    }

    @Test
    void clocksAreCreatedAndMovedByCalendarAmounts() throws Exception {
        Partner partner = newPartner();
        Run created = gyeol(partner, "clock", "create", "cli", "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        String clock = (String) created.json().get("clock");
        Run moved = gyeol(partner, "clock", "advance", clock, "1M", "--json");
        assertThat(moved.exit()).as(moved.err()).isZero();
        java.time.Instant expected = java.time.Instant.parse((String) created.json().get("frozenTime"))
            .atZone(java.time.ZoneId.of("Asia/Seoul"))
            .plusMonths(1)
            .toInstant();
        // The database keeps microseconds.
        assertThat(java.time.Duration.between(expected, java.time.Instant.parse((String) moved.json().get("to"))).abs())
            .isLessThan(java.time.Duration.ofMillis(1));
        Run wrong = gyeol(partner, "clock", "advance", clock, "soon");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("gyeol: an amount of time is");
    }

    @Test
    void everyRefusalIsOneLineAndAnExitCode() throws Exception {
        Partner partner = newPartner();
        Partner live = new Partner("strict", "strict-secret-0123456789", null);
        Run liveTrigger = gyeol(live, "trigger", "payment.approved");
        assertThat(liveTrigger.exit()).isEqualTo(1);
        assertThat(liveTrigger.err()).contains("trigger is for test-mode partners; strict is live");

        Run wrongKey = gyeol(new Partner(partner.id(), "not-the-key", null), "events");
        assertThat(wrongKey.exit()).isEqualTo(4);
        assertThat(wrongKey.err()).contains("refused the partner's credentials");

        Run down = run("--base", "http://127.0.0.1:1", "--partner", partner.id(), "--key", partner.key(), "--profile",
                this.home.resolve("none").toString(), "events");
        assertThat(down.exit()).isEqualTo(3);
        assertThat(down.err()).startsWith("gyeol: no gateway answers at http://127.0.0.1:1 ");
        StringWriter err = new StringWriter();
        int exit = GyeolCli.run(new String[] { "--profile", this.home.resolve("none").toString(), "events" },
                new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                Map.of("GYEOL_BASE", "http://127.0.0.1:1", "GYEOL_PARTNER", partner.id(), "GYEOL_KEY", partner.key()));
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).startsWith("gyeol: no gateway answers at http://127.0.0.1:1 ");

        assertThat(gyeol(partner, "trigger", "payment.maybe").exit()).isEqualTo(2);
        assertThat(gyeol(partner, "levitate").exit()).isEqualTo(2);
        assertThat(gyeol(partner, "events", "--limit", "0").exit()).isEqualTo(2);
        for (Run refused : List.of(liveTrigger, wrongKey, down)) {
            assertThat(refused.err().strip().lines()).hasSize(1);
            assertThat(refused.err()).doesNotContain("Exception in").doesNotContain("\tat ");
        }
    }

    @Test
    void listenForwardsEachEventSignedAndResumesAfterTheLastTheReceiverTook() throws Exception {
        Partner partner = newPartner();
        Path state = this.home.resolve("listen.state");
        try (kr.gyeol.support.WebhookReceiver receiver = new kr.gyeol.support.WebhookReceiver(1)) {
            // The receiver fails its first answer for each event: listen sends it again,
            // and
            // the next event not before.
            java.util.concurrent.CompletableFuture<Run> first = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> gyeol(partner, "listen", "--forward-to", receiver.url("/hook"), "--events",
                        "PAYMENT", "--max-events", "1", "--state", state.toString()));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> Files.exists(state));
            Run paid = gyeol(partner, "trigger", "payment.approved", "--json");
            String orderId = (String) ((Map<?, ?>) paid.json().get("payment")).get("orderId");
            Run listened = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(listened.exit()).as(listened.err()).isZero();
            assertThat(listened.out()).contains("PAYMENT").contains("HTTP 500").contains("HTTP 200");
            List<kr.gyeol.support.WebhookReceiver.Received> deliveries = receiver.containing(orderId);
            assertThat(deliveries).hasSize(2)
                .allSatisfy((delivery) -> assertThat(delivery.signature())
                    .contains(kr.gyeol.webhook.WebhookSignature.sign(partner.webhookSecret(), delivery.id(),
                            Long.parseLong(delivery.timestamp()), delivery.body())));
            assertThat(receiver.all()).as("the registration's event was passed over").hasSize(2);
            // Delivered: the gateway records it, and stops retrying it to its own
            // receiver.
            Run events = gyeol(partner, "events", "--type", "PAYMENT", "--json");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed = (List<Map<String, Object>>) events.json().get("events");
            assertThat(listed).singleElement()
                .satisfies((event) -> assertThat(event).containsEntry("status", "DELIVERED"));

            // While nobody listens, another payment; a new listen resumes with it.
            Run missed = gyeol(partner, "trigger", "payment.approved", "--json");
            String missedOrder = (String) ((Map<?, ?>) missed.json().get("payment")).get("orderId");
            Run resumed = gyeol(partner, "listen", "--forward-to", receiver.url("/hook"), "--events", "PAYMENT",
                    "--max-events", "1", "--state", state.toString());
            assertThat(resumed.exit()).as(resumed.err()).isZero();
            assertThat(receiver.containing(missedOrder)).hasSize(2);
            assertThat(receiver.containing(orderId)).as("not sent again").hasSize(2);
        }
        Run badTarget = gyeol(partner, "listen", "--forward-to", "ftp://localhost/x", "--state", state.toString());
        assertThat(badTarget.exit()).isEqualTo(2);

        // A saved place the gateway no longer has (pruned): a one-line refusal that says
        // how to go on, and --reset goes on.
        Files.writeString(state, "evt_pruned_long_ago");
        Run gone = gyeol(partner, "listen", "--forward-to", "http://127.0.0.1:9/hook", "--max-events", "1", "--state",
                state.toString());
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err().strip().lines()).singleElement()
            .satisfies((line) -> assertThat(line).contains("no longer has").contains("--reset"));
        Run reset = gyeol(partner, "listen", "--forward-to", "http://127.0.0.1:9/hook", "--reset", "--max-events", "0",
                "--state", state.toString());
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(Files.readString(state)).isNotEqualTo("evt_pruned_long_ago");
    }

    @Test
    void theGatewaysMainTellsTheCommandLineFromTheGateway() {
        for (String command : List.of("listen", "trigger", "events", "payments", "settle", "clock", "login", "help",
                "--partner", "--base=x", "--json", "--help", "-V", "generate-completion")) {
            assertThat(GyeolCli.handles(command)).as(command).isTrue();
        }
        // Every command the parser knows: a new one that the gateway's main did not
        // know would start a gateway on port 8080 instead.
        for (String command : new picocli.CommandLine(new GyeolCli()).getSubcommands().keySet()) {
            assertThat(GyeolCli.handles(command)).as(command).isTrue();
        }
        for (String gateway : List.of("--server.port=8080", "--gyeol.data-dir=/tmp/x", "--spring.profiles.active=x",
                "--debug")) {
            assertThat(GyeolCli.handles(gateway)).as(gateway).isFalse();
        }
    }

    @Test
    void loginKeepsTheCredentialsForTheNextCommandsInAPrivateProfile() throws Exception {
        Partner partner = newPartner();
        Path profile = this.home.resolve("gyeol").resolve("profile.properties");
        Run login = run("--base", this.payple.baseUrl(), "login", "--partner", partner.id(), "--key", partner.key(),
                "--refund-key", partner.refundKey(), "--profile", profile.toString());
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains(partner.id()).doesNotContain(partner.key());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile))).isEqualTo("rw-------");

        Run approved = run("--profile", profile.toString(), "trigger", "refund.partial");
        assertThat(approved.exit()).as(approved.err()).isZero();

        Run refused = run("--base", this.payple.baseUrl(), "login", "--partner", partner.id(), "--key", "wrong",
                "--profile", this.home.resolve("other.properties").toString());
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(this.home.resolve("other.properties")).doesNotExist();
    }

}
